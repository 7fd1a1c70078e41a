"""Line up two reports of one authority and summarise what changed.

    from comparisons import compare, render_change
    print(render_change(compare(old_report, new_report), "markdown"))
"""

from comparisons.render import Format, render_change, render_changes
from comparisons.summary import compare

__all__ = ["Format", "compare", "render_change", "render_changes"]
