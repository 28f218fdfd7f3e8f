"""The application's icons for every installer, drawn at build time from the one SVG of resources/icons.

PNG sizes (Linux's hicolor theme, the .desktop entry), a Windows ``.ico`` and a macOS ``.icns``, all
drawn with Qt's own SVG renderer (PySide6 is already there: no extra dependency). Both containers are
written by hand: they are short headers in front of PNG data, which Windows (Vista+) and macOS (10.7+)
read directly. Build-time only: the application never imports this module.
"""

from __future__ import annotations

import struct
from pathlib import Path

SVG_NAME = "monmaster-desktop.svg"
_keep_alive: list[object] = []  # the QGuiApplication made here, if any, lives as long as the module
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size; the @2x ("retina") types reuse the same pixels.
ICNS_TYPES: tuple[tuple[bytes, int], ...] = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16 pt @2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32 pt @2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128 pt @2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256 pt @2x
    (b"ic10", 1024),  # 512 pt @2x
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size``×``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:  # QPainter on a QImage needs a (headless) application
        _keep_alive.append(QGuiApplication(["icons", "-platform", "offscreen"]))
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"cannot encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (ICONDIR, then one 16-byte ICONDIRENTRY per image)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: "icns" and the total length, then (type, length, PNG) elements, big-endian."""
    elements = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def write_icons(svg: Path, directory: Path) -> dict[str, Path]:
    """Write ``<size>.png`` for each of PNG_SIZES, then ``monmaster-desktop.ico`` and ``.icns``."""
    directory.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(svg, size) for size in PNG_SIZES}
    written: dict[str, Path] = {}
    for size, png in pngs.items():
        path = directory / f"{size}.png"
        path.write_bytes(png)
        written[f"{size}.png"] = path
    ico = directory / "monmaster-desktop.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = directory / "monmaster-desktop.icns"
    icns.write_bytes(icns_bytes(pngs))
    written[ico.name], written[icns.name] = ico, icns
    return written
