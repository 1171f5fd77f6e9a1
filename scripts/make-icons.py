"""Draws the Buyer Shield icon (a shield with a check mark) at every manifest size.

Pure standard library (zlib PNG encoder), so it runs anywhere: `python3 scripts/make-icons.py`.
"""
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "public" / "icon"
BLUE = (11, 87, 208)
WHITE = (255, 255, 255)


def inside_shield(x: float, y: float) -> bool:
    # Unit square coordinates. Straight sides down to 0.55, then a curve to a point at 0.95.
    if y < 0.08 or y > 0.95 or x < 0.12 or x > 0.88:
        return False
    if y <= 0.55:
        return True
    half = 0.38 * (1 - ((y - 0.55) / 0.40) ** 1.6)
    return abs(x - 0.5) <= half


def on_check(x: float, y: float, width: float) -> bool:
    def near(ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= width ** 2

    return near(0.30, 0.50, 0.45, 0.66) or near(0.45, 0.66, 0.72, 0.34)


def pixel(size: int, px: int, py: int):
    # 4x4 supersampling for smooth edges.
    acc = [0, 0, 0, 0]
    for sy in range(4):
        for sx in range(4):
            x = (px + (sx + 0.5) / 4) / size
            y = (py + (sy + 0.5) / 4) / size
            if inside_shield(x, y):
                col = WHITE if on_check(x, y, 0.065) else BLUE
                acc[0] += col[0]
                acc[1] += col[1]
                acc[2] += col[2]
                acc[3] += 255
    n = 16
    return bytes([acc[0] // max(1, acc[3] // 255), acc[1] // max(1, acc[3] // 255), acc[2] // max(1, acc[3] // 255), acc[3] // n]) if acc[3] else b"\0\0\0\0"


def png(size: int) -> bytes:
    rows = b"".join(b"\0" + b"".join(pixel(size, x, y) for x in range(size)) for y in range(size))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for s in (16, 32, 48, 96, 128):
        (OUT / f"{s}.png").write_bytes(png(s))
    print("icons written to", OUT)
