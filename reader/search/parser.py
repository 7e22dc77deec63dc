"""Whoosh's query parser as the reader configures it: all words required, no ranges or
match-everything, prefix, wildcard and fuzzy terms sent to the unstemmed ``words`` field.

Kept apart from :mod:`reader.search.query` so that a search for plain words, which needs no
parser (:func:`reader.search.query.plain_words_query`), imports and builds none: Whoosh's parser
package and the patterns its plugins compile were about 5 ms of a command-line search.
"""

from __future__ import annotations

from typing import Any

from whoosh.qparser import QueryParser, plugins, syntax

from reader.search.query import TEXT, WORDS


class _RetargetPlugin(plugins.Plugin):
    """Send prefix, wildcard and fuzzy terms to the unstemmed ``words`` field, where the
    letters typed are the letters indexed ("commissio*" would never match a stem)."""

    _NODES = (plugins.PrefixPlugin.PrefixNode, plugins.WildcardPlugin.WildcardNode,
              plugins.FuzzyTermPlugin.FuzzyTermNode)

    def filters(self, parser: QueryParser) -> list[tuple[Any, int]]:
        return [(self._retarget, 105)]  # after explicit field names (100)

    def _retarget(self, parser: QueryParser, group: syntax.GroupNode) -> syntax.GroupNode:
        for node in group:
            if isinstance(node, syntax.GroupNode):
                self._retarget(parser, node)
            elif isinstance(node, self._NODES) and node.fieldname in (None, TEXT):
                node.fieldname = WORDS
        return group


def make_parser(schema: Any) -> QueryParser:
    """Whoosh's parser on ``text``, all words required, without ranges or match-everything."""
    parser = QueryParser(TEXT, schema)
    parser.remove_plugin_class(plugins.RangePlugin)
    parser.remove_plugin_class(plugins.EveryPlugin)
    parser.add_plugin(plugins.FuzzyTermPlugin())
    parser.add_plugin(_RetargetPlugin())
    return parser
