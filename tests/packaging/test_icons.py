"""The icons every installer uses, drawn at build time from resources/icons/monmaster-desktop.svg."""

from __future__ import annotations

import struct
from pathlib import Path

from packaging_support import CHECKOUT, icons
from PySide6.QtGui import QImage, QImageReader

SVG = CHECKOUT / "resources" / "icons" / icons.SVG_NAME


def images_in(path: Path) -> list[QImage]:
    reader = QImageReader(str(path))
    images = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        images.append(reader.read())
    return images


def test_every_png_size_is_drawn_square_with_the_mark_in_bleu_france(qapp, tmp_path: Path) -> None:
    written = icons.write_icons(SVG, tmp_path)
    for size in icons.PNG_SIZES:
        image = QImage(str(written[f"{size}.png"]))
        assert (image.width(), image.height()) == (size, size)
    big = QImage(str(written["256.png"]))
    assert big.pixelColor(128, 60).name() == "#000091"  # the mortarboard
    assert big.pixelColor(0, 0).alpha() == 0  # transparent corners around the rounded square


def test_the_windows_ico_holds_every_size_from_16_to_256(qapp, tmp_path: Path) -> None:
    ico = icons.write_icons(SVG, tmp_path)["monmaster-desktop.ico"]
    reserved, kind, count = struct.unpack("<HHH", ico.read_bytes()[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    assert sorted(image.width() for image in images_in(ico)) == sorted(icons.ICO_SIZES)


def test_the_macos_icns_holds_every_size_up_to_1024(qapp, tmp_path: Path) -> None:
    icns = icons.write_icons(SVG, tmp_path)["monmaster-desktop.icns"]
    data = icns.read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    widths = {image.width() for image in images_in(icns)}
    assert widths == {16, 32, 64, 128, 256, 512, 1024}
