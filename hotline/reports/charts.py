"""Charts as inline SVG, drawn on the server: nothing is fetched from outside the hotline."""

from html import escape

from markupsafe import Markup

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
URGENCY_COLOURS = {"critical": "#b2182b", "high": "#ef8a62", "medium": "#fddbc7", "low": "#d1e5f0",
                   "unknown": "#bbbbbb"}
INK = "#222"


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
                  f'aria-label="{escape(label)}" class="chart">' + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 10) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{INK}">{escape(text)}</text>'


def _shade(value: int, top: int) -> str:
    """A blue whose depth grows with the value; white for nothing."""
    if not value or not top:
        return "#f7f7f7"
    depth = 0.15 + 0.85 * value / top
    return f"rgba(33,102,172,{depth:.2f})"


def heat_map(grid: list[list[int]]) -> Markup:
    """Calls by weekday (rows) and hour of day (columns)."""
    cell, left, top_margin = 22, 36, 16
    top = max((max(row) for row in grid), default=0)
    body = [_text(left + hour * cell + cell / 2, 11, str(hour), anchor="middle", size=8) for hour in range(24)]
    for day, row in enumerate(grid):
        y = top_margin + day * cell
        body.append(_text(2, y + cell * 0.65, WEEKDAYS[day]))
        for hour, value in enumerate(row):
            body.append(f'<rect x="{left + hour * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                        f'fill="{_shade(value, top)}"><title>{WEEKDAYS[day]} {hour:02d}h: {value} calls</title></rect>')
    return _svg(left + 24 * cell, top_margin + 7 * cell, body, "calls by weekday and hour")


def line_chart(points: list[tuple[str, float | None]], *, target: float = 0.9) -> Markup:
    """Shares (0..1) over time, with the target as a dashed line; days without answered calls are gaps."""
    width, height, left, bottom = 640, 200, 36, 24
    plot_w, plot_h = width - left - 10, height - bottom - 10
    step = plot_w / max(1, len(points) - 1)

    def y_of(value: float) -> float:
        return 10 + plot_h * (1 - value)

    target_line = (f'<line x1="{left}" x2="{width - 10}" y1="{y_of(target):.1f}" y2="{y_of(target):.1f}" '
                   f'stroke="#b2182b" stroke-dasharray="4 3"/>')
    body = [target_line, _text(2, y_of(target) + 3, f"{target:.0%}")]
    body += [_text(2, y_of(v) + 3, f"{v:.0%}") for v in (0.0, 0.5, 1.0)]
    path = [f"{left + i * step:.1f},{y_of(v):.1f}" for i, (_, v) in enumerate(points) if v is not None]
    if path:
        body.append(f'<polyline fill="none" stroke="#2166ac" stroke-width="2" points="{" ".join(path)}"/>')
    for i, (label, value) in enumerate(points):
        if value is not None:
            body.append(f'<circle cx="{left + i * step:.1f}" cy="{y_of(value):.1f}" r="3" fill="#2166ac">'
                        f"<title>{escape(label)}: {value:.1%}</title></circle>")
    for i in sorted({0, len(points) - 1}) if points else []:
        body.append(_text(left + i * step, height - 6, points[i][0], anchor="middle", size=9))
    return _svg(width, height, body, "service level over time")


def matrix(grid: dict[str, dict[str, int]]) -> Markup:
    """Counts of rows (regions) by columns (categories), shaded and labelled."""
    columns = sorted({column for counts in grid.values() for column in counts})
    cell_w, cell_h, left, head = 46, 22, 90, 110
    top = max((value for counts in grid.values() for value in counts.values()), default=0)
    body = [f'<text transform="translate({left + c * cell_w + cell_w / 2:.1f},{head - 4}) rotate(-55)" '
            f'font-size="9" fill="{INK}">{escape(column)}</text>' for c, column in enumerate(columns)]
    for r, (row, counts) in enumerate(grid.items()):
        y = head + r * cell_h
        body.append(_text(2, y + cell_h * 0.65, row))
        for c, column in enumerate(columns):
            value = counts.get(column, 0)
            x = left + c * cell_w
            body.append(f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" fill="{_shade(value, top)}"/>')
            body.append(_text(x + cell_w / 2, y + cell_h * 0.65, str(value) if value else "", anchor="middle", size=9))
    return _svg(left + max(1, len(columns)) * cell_w, head + max(1, len(grid)) * cell_h, body,
                "categories by region")


def stacked_bar(counts: dict[str, int]) -> Markup:
    """The urgency mix as one bar split by urgency, with a legend."""
    width, total = 640, sum(counts.values())
    order = [u for u in URGENCY_COLOURS if u in counts] + [u for u in counts if u not in URGENCY_COLOURS]
    body, x = [], 0.0
    for urgency in order:
        part = width * counts[urgency] / total if total else 0
        body.append(f'<rect x="{x:.1f}" y="0" width="{part:.1f}" height="28" '
                    f'fill="{URGENCY_COLOURS.get(urgency, "#999")}"><title>{escape(urgency)}: {counts[urgency]}</title></rect>')
        x += part
    for i, urgency in enumerate(order):
        body.append(f'<rect x="{i * 130}" y="38" width="12" height="12" fill="{URGENCY_COLOURS.get(urgency, "#999")}"/>')
        body.append(_text(i * 130 + 16, 48, f"{urgency} {counts[urgency]}"))
    return _svg(width, 56, body, "urgency mix")
