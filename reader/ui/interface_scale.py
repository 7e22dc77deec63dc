"""Put the interface size on the whole application: fonts, icons, indicators, scroll bars, dialogs.

The rule (the range, the steps, how a length grows) is :mod:`reader.interface_size`; this
module copies it into Qt in three places that together reach every window, dialog, menu
and message box, including those opened later:

- the application font, which every widget without a font of its own inherits;
- a proxy style that scales Qt's own measurements (icon sizes, check boxes, scroll bars);
- the theme's stylesheet, written again with scaled paddings (:mod:`reader.ui.look`).

The reading page and the contents list keep their own sizes: they follow the text size.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from reader import interface_size

_PERCENT_PROPERTY = "reader_interface_size"
_BASE_POINTS_PROPERTY = "reader_base_font_points"
_M = QStyle.PixelMetric
_SCALED_METRICS = (
    _M.PM_SmallIconSize, _M.PM_LargeIconSize, _M.PM_ToolBarIconSize, _M.PM_ButtonIconSize,
    _M.PM_ListViewIconSize, _M.PM_IconViewIconSize, _M.PM_TabBarIconSize, _M.PM_MessageBoxIconSize,
    _M.PM_IndicatorWidth, _M.PM_IndicatorHeight, _M.PM_ExclusiveIndicatorWidth,
    _M.PM_ExclusiveIndicatorHeight, _M.PM_ScrollBarExtent, _M.PM_SliderThickness, _M.PM_SliderLength,
    _M.PM_SliderControlThickness, _M.PM_ToolBarExtensionExtent, _M.PM_ToolBarHandleExtent,
    _M.PM_MenuButtonIndicator, _M.PM_SplitterWidth, _M.PM_DockWidgetTitleBarButtonMargin,
    _M.PM_TitleBarButtonIconSize, _M.PM_TitleBarButtonSize,
)


class ReaderStyle(QProxyStyle):
    """Fusion (the style that draws from the palette alone on every platform), at the normal size."""

    def __init__(self, percent: int = interface_size.NORMAL) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.percent = interface_size.clamp(percent)


class ScaledStyle(ReaderStyle):
    """Fusion with its sizes scaled. Only at another size than the normal one: Qt asks a style for its
    sizes a thousand times before the first paint, and each question answered in Python costs (as
    the first one makes every kind of style option known to Python: 8 ms in all)."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric in _SCALED_METRICS and value > 0:
            return interface_size.scaled(value, self.percent)
        return value


def current(app: QApplication | None = None) -> int:
    """The interface size now in force (100 before :func:`apply` is first called)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    value = app.property(_PERCENT_PROPERTY) if app is not None else None
    return interface_size.clamp(value) if isinstance(value, int) else interface_size.NORMAL


def style(percent: int) -> ReaderStyle:
    percent = interface_size.clamp(percent)
    return ReaderStyle() if percent == interface_size.NORMAL else ScaledStyle(percent)


def apply(app: QApplication, percent: int) -> None:
    """Make every control ``percent`` of its normal size, at once and in every open window."""
    percent = interface_size.clamp(percent)
    base = app.property(_BASE_POINTS_PROPERTY)
    if not isinstance(base, float):
        base = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 9.0
        app.setProperty(_BASE_POINTS_PROPERTY, float(base))
    if percent == current(app) and app.property(_PERCENT_PROPERTY) is not None:
        return
    app.setProperty(_PERCENT_PROPERTY, percent)
    font = app.font()
    font.setPointSizeF(interface_size.font_points(base, percent))
    app.setFont(font)
    app.setStyle(style(percent))
    from reader import themes
    from reader.ui import look  # look asks this module for the size: import here, not at the top

    for widget in app.topLevelWidgets():
        name = widget.property("reader_theme")
        if isinstance(name, str):
            look.apply_theme(themes.get(name), widget, app)
