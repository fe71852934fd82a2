"""Reading what a reportlab Drawing holds (the PDF charts' tests)."""

from reportlab.graphics.shapes import Drawing, Group


def shapes(node: Drawing | Group) -> list[object]:
    """Every shape of ``node``, groups walked, in drawing order."""
    found: list[object] = []
    for child in node.contents:
        found.append(child)
        if isinstance(child, Group):
            found += shapes(child)
    return found
