"""Guide screenshots: annotation JSON, image checks and storage, and annotations burned in
(blur boxes that leave nothing readable)."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from importlib import resources

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageStat

from branchdesk.guides.annotations import (
    burn_in,
    check_image,
    from_json,
    image_size,
    normalise_image,
    to_json,
)
from branchdesk.guides.entries import Annotation

EVERY_KIND = (
    Annotation("rect", 0.1, 0.2, 0.3, 0.25, color="#1e88e5"),
    Annotation("arrow", 0.9, 0.9, -0.4, -0.5),
    Annotation("number", 0.5, 0.5, label="12", color="#43a047"),
    Annotation("text", 0.05, 0.95, label="点这里 Click “查询”\n第二行", color="#fb8c00"),
    Annotation("blur", -0.1, 1.2, 0.5, -0.4),
)
BLUR_BOX = (40, 60, 280, 140)  # px in the 400×300 test picture


def encoded(image: Image.Image, fmt: str = "PNG", **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def cjk_font_path() -> str:
    font = resources.files("branchdesk.resources").joinpath("fonts", "wqy-microhei.ttc")
    return str(font)


def text_picture(text: str = "13812345678 张伟 江北区人民路88号") -> Image.Image:
    """White 400×300 with black stripes and lines of text, like a busy screen."""
    image = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(cjk_font_path(), 17)
    for x in range(0, 400, 9):
        draw.line((x, 0, x, 40), fill="black", width=3)
    for row in range(6):
        draw.text((44, 62 + row * 22), f"{text} {row}", font=font, fill="black")
    return image


def laplacian_variance(image: Image.Image) -> float:
    """Edge energy: the variance of a Laplacian of the grey image (0 for a flat area)."""
    kernel = ImageFilter.Kernel((3, 3), [0, 1, 0, 1, -4, 1, 0, 1, 0], scale=1, offset=128)
    edges = image.convert("L").filter(kernel)
    # Pillow leaves the outermost pixels unfiltered (the source values): leave them out.
    edges = edges.crop((1, 1, edges.width - 1, edges.height - 1))
    return float(ImageStat.Stat(edges).var[0])


def grey_stddev(image: Image.Image) -> float:
    return float(ImageStat.Stat(image.convert("L")).stddev[0])


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    return float(sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3)


def outside(image: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """The image with `box` painted over, so only the pixels around it are compared."""
    copy = image.copy()
    ImageDraw.Draw(copy).rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill="magenta")
    return copy


def fractions(box: tuple[int, int, int, int], size: tuple[int, int] = (400, 300)) -> dict:
    width, height = size
    return {
        "x": box[0] / width,
        "y": box[1] / height,
        "w": (box[2] - box[0]) / width,
        "h": (box[3] - box[1]) / height,
    }


def colour_near(image: Image.Image, box: tuple[int, int, int, int], rgb: tuple[int, ...]) -> int:
    """How many pixels in `box` are within 40 of `rgb` in every channel."""
    pixels = image.crop(box).convert("RGB").tobytes()
    return sum(
        1
        for i in range(0, len(pixels), 3)
        if all(abs(pixels[i + k] - rgb[k]) <= 40 for k in range(3))
    )


# ---------------------------------------------------------------- JSON


def test_every_kind_survives_the_round_trip() -> None:
    text = to_json(EVERY_KIND)
    assert from_json(text) == EVERY_KIND
    assert "点这里" in text  # stored readable, not \u-escaped
    rows = json.loads(text)
    assert [r["kind"] for r in rows] == ["rect", "arrow", "number", "text", "blur"]


def test_empty_text_means_no_annotations() -> None:
    assert from_json(None) == ()
    assert from_json("") == ()
    assert from_json("  \n") == ()
    assert from_json("[]") == ()
    assert to_json(()) == "[]"


def test_missing_optional_fields_take_the_defaults() -> None:
    (a,) = from_json('[{"kind": "number", "x": 0.5, "y": 0.25}]')
    assert a == Annotation("number", 0.5, 0.25)
    (b,) = from_json('[{"kind": "rect", "x": 0, "y": 1, "w": 1, "h": -1, "color": "#ABCDEF"}]')
    assert (b.x, b.y, b.color) == (0.0, 1.0, "#abcdef")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"kind": "circle", "x": 0.1, "y": 0.1}, "unknown kind “circle”"),
        ({"x": 0.1, "y": 0.1}, "unknown kind"),
        ({"kind": "rect", "x": "0.1", "y": 0.1}, "x is not a number"),
        ({"kind": "rect", "x": True, "y": 0.1}, "x is not a number"),
        ({"kind": "rect", "x": 0.1, "y": None}, "y is not a number"),
        ({"kind": "rect", "x": 0.1}, "position (x, y) is missing"),
        ({"kind": "rect", "x": 1.6, "y": 0.1}, "x = 1.6 is outside the image"),
        ({"kind": "rect", "x": 0.1, "y": -0.51}, "y = -0.51 is outside"),
        ({"kind": "arrow", "x": 0.9, "y": 0.1, "w": 0.7}, "x + w"),
        ({"kind": "rect", "x": 0.1, "y": 0.1, "h": [1]}, "h is not a number"),
        ({"kind": "text", "x": 0.1, "y": 0.1, "label": "字" * 201}, "longer than 200"),
        ({"kind": "text", "x": 0.1, "y": 0.1, "label": 5}, "label is not text"),
        ({"kind": "rect", "x": 0.1, "y": 0.1, "color": "red"}, "colour “red”"),
        ({"kind": "rect", "x": 0.1, "y": 0.1, "color": "#12345"}, "#RRGGBB"),
        ({"kind": "rect", "x": 0.1, "y": 0.1, "size": 3}, "unknown field “size”"),
    ],
)
def test_bad_annotations_are_refused_with_a_clear_message(row: dict, message: str) -> None:
    good = {"kind": "rect", "x": 0.0, "y": 0.0}
    with pytest.raises(ValueError, match="Annotation 2: ") as caught:
        from_json(json.dumps([good, row]))
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON: it is wrong at line 1, column 2$"),
        ('{"kind": "rect"}', "list of objects"),
        ("[1, 2]", "list of objects"),
        ('[{"kind": "rect", "x": NaN, "y": 0}]', "x is not a number"),
        ('[{"kind": "rect", "x": Infinity, "y": 0}]', "x is not a number"),
    ],
)
def test_text_that_is_not_an_annotation_list_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        from_json(text)


def test_to_json_refuses_what_from_json_would_refuse() -> None:
    with pytest.raises(ValueError, match="longer than 200"):
        to_json([Annotation("text", 0.1, 0.1, label="x" * 201)])
    with pytest.raises(ValueError, match="outside the image"):
        to_json([Annotation("rect", 2.0, 0.1)])
    with pytest.raises(ValueError, match="#RRGGBB"):
        to_json([Annotation("rect", 0.1, 0.1, color="blue")])


# ---------------------------------------------------------------- checking images


def test_accepted_formats_give_size_and_format() -> None:
    picture = text_picture()
    assert check_image(encoded(picture)) == (400, 300, "PNG")
    assert check_image(encoded(picture, "JPEG", quality=90)) == (400, 300, "JPEG")
    assert check_image(encoded(picture, "BMP")) == (400, 300, "BMP")
    assert check_image(encoded(picture, "GIF")) == (400, 300, "GIF")
    assert check_image(encoded(picture, "WEBP")) == (400, 300, "WEBP")
    assert image_size(encoded(picture, "JPEG")) == (400, 300)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        bytes(range(256)) * 40,  # random bytes
        "运单号,收件人\n7731,张伟\n".encode(),  # a text file
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    ],
    ids=["empty", "random", "text", "pdf"],
)
def test_what_is_not_a_picture_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match="damaged or not a picture"):
        check_image(data)


def test_damaged_png_and_jpeg_are_refused() -> None:
    png = encoded(text_picture())
    jpeg = encoded(text_picture(), "JPEG")
    flipped = bytearray(png)
    flipped[len(png) // 2] ^= 0xFF
    for bad in (png[: len(png) // 2], png[:-12], bytes(flipped), jpeg[: len(jpeg) // 2]):
        with pytest.raises(ValueError, match="damaged"):
            check_image(bad)
    with pytest.raises(ValueError, match="damaged"):
        normalise_image(png[: len(png) // 2])


def test_other_formats_are_refused_by_name() -> None:
    tiff = encoded(text_picture(), "TIFF")
    with pytest.raises(ValueError, match="TIFF images are not supported"):
        check_image(tiff)


def test_too_large_images_are_refused() -> None:
    wide = encoded(Image.new("L", (8001, 2)))
    with pytest.raises(ValueError, match="8001×2 pixels; at most 8000×8000"):
        check_image(wide)
    assert check_image(encoded(Image.new("L", (8000, 2)))) == (8000, 2, "PNG")


# ---------------------------------------------------------------- storing images


def test_png_is_stored_as_it_came() -> None:
    png = encoded(text_picture())
    assert normalise_image(png) == (png, 400, 300)


def test_jpeg_stays_jpeg_and_is_turned_upright() -> None:
    jpeg = encoded(text_picture(), "JPEG", quality=90)
    assert normalise_image(jpeg) == (jpeg, 400, 300)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    rotated = encoded(text_picture(), "JPEG", quality=90, exif=exif)
    data, width, height = normalise_image(rotated)
    assert (width, height) == (300, 400)
    assert check_image(data) == (300, 400, "JPEG")


@pytest.mark.parametrize("fmt", ["BMP", "GIF", "WEBP"])
def test_other_formats_are_stored_as_compressed_png(fmt: str) -> None:
    source = encoded(text_picture(), fmt)
    data, width, height = normalise_image(source)
    assert (width, height) == (400, 300)
    assert check_image(data) == (400, 300, "PNG")
    raw = 400 * 300 * 3
    assert len(data) < raw / 4  # compressed, never a raw bitmap


def test_animated_gif_keeps_its_first_frame() -> None:
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    data, _, _ = normalise_image(out.getvalue())
    assert Image.open(io.BytesIO(data)).convert("RGB").getpixel((20, 15)) == (255, 0, 0)


# ---------------------------------------------------------------- burning in


def test_blur_box_leaves_nothing_readable_and_nothing_else_changed() -> None:
    picture = text_picture()
    blur = Annotation("blur", **fractions(BLUR_BOX))
    burned = burn_in(encoded(picture), [blur])
    assert burned.size == picture.size and burned.mode == "RGB"
    before, after = picture.crop(BLUR_BOX), burned.crop(BLUR_BOX)
    assert laplacian_variance(before) > 100
    assert laplacian_variance(after) < 0.05 * laplacian_variance(before)
    assert grey_stddev(after) < 0.25 * grey_stddev(before)
    # Every pixel outside the box is exactly as it was.
    assert (
        ImageChops.difference(outside(picture, BLUR_BOX), outside(burned, BLUR_BOX)).getbbox()
        is None
    )


def test_no_detail_at_the_scale_of_a_character_survives_the_blur() -> None:
    """Characters here are about 10×18 px: smoothing the blurred box over 4 px more must
    change next to nothing, while it changes the sharp text a lot."""
    picture = text_picture()
    burned = burn_in(encoded(picture), [Annotation("blur", **fractions(BLUR_BOX))])

    def detail(image: Image.Image) -> float:
        return mean_difference(image, image.filter(ImageFilter.GaussianBlur(4)))

    before, after = picture.crop(BLUR_BOX), burned.crop(BLUR_BOX)
    assert detail(before) > 20
    assert detail(after) < 0.5

    # Nor do the lines of text stand out any more: the rows' brightness hardly varies.
    def row_profile(image: Image.Image) -> float:
        return grey_stddev(image.convert("L").resize((1, image.height), Image.Resampling.BOX))

    assert row_profile(after) < 0.25 * row_profile(before)


def test_a_blurred_phone_number_is_the_same_for_every_number() -> None:
    """A single field (one phone number) in a full screenshot: whatever digits were there,
    the blurred box comes out (nearly) the same, so it cannot be read back."""
    font = ImageFont.truetype(cjk_font_path(), 14)
    box = (596, 496, 700, 518)
    sharp, blurred = [], []
    for number in ("13812345678", "15990876543", "18600001111"):
        screen = Image.new("RGB", (1920, 1080), "white")
        ImageDraw.Draw(screen).text((600, 500), number, font=font, fill="black")
        blur = Annotation("blur", **fractions(box, screen.size))
        sharp.append(screen.crop(box))
        blurred.append(burn_in(encoded(screen), [blur]).crop(box))
    for i in (1, 2):
        assert mean_difference(sharp[0], sharp[i]) > 15
        assert mean_difference(blurred[0], blurred[i]) < 0.15 * mean_difference(sharp[0], sharp[i])


def test_blur_is_applied_before_the_other_marks() -> None:
    """A label drawn over a blur box stays sharp: the blur does not smear it."""
    picture = text_picture()
    marks = [
        Annotation("text", 0.15, 0.25, label="客户信息", color="#1e88e5"),
        Annotation("blur", **fractions(BLUR_BOX)),
    ]
    burned = burn_in(encoded(picture), marks)
    label_box = (60, 75, 150, 110)
    assert colour_near(burned, label_box, (0x1E, 0x88, 0xE5)) > 20  # the label's border
    assert laplacian_variance(burned.crop(label_box)) > 100


def test_rectangle_is_outlined_in_its_colour() -> None:
    blank = Image.new("RGB", (400, 300), "white")
    box = (100, 80, 300, 220)
    burned = burn_in(encoded(blank), [Annotation("rect", **fractions(box), color="#1e88e5")])
    blue = (0x1E, 0x88, 0xE5)
    line = 3  # 0.4 % of 400 px is below the 3 px minimum
    for edge in (
        (box[0], box[1], box[2], box[1] + line),  # top
        (box[0], box[3] - line, box[2], box[3]),  # bottom
        (box[0], box[1], box[0] + line, box[3]),  # left
        (box[2] - line, box[1], box[2], box[3]),  # right
    ):
        area = (edge[2] - edge[0]) * (edge[3] - edge[1])
        assert colour_near(burned, edge, blue) == area
    inside = (box[0] + line, box[1] + line, box[2] - line, box[3] - line)
    assert colour_near(burned, inside, (255, 255, 255)) == (inside[2] - inside[0]) * (
        inside[3] - inside[1]
    )
    assert ImageChops.difference(outside(blank, box), outside(burned, box)).getbbox() is None


def test_line_width_follows_the_image_width() -> None:
    blank = Image.new("RGB", (2000, 1000), "white")
    burned = burn_in(encoded(blank), [Annotation("rect", 0.1, 0.1, 0.5, 0.5, color="#000000")])
    row = [burned.getpixel((x, 500)) for x in range(195, 220)]
    assert sum(1 for p in row if p == (0, 0, 0)) == 8  # 0.4 % of 2000 px


def test_arrow_runs_from_its_start_to_a_filled_head() -> None:
    blank = Image.new("RGB", (400, 300), "white")
    arrow = Annotation("arrow", 0.1, 0.5, 0.7, 0.0, color="#e53935")
    burned = burn_in(encoded(blank), [arrow])
    red = (0xE5, 0x39, 0x35)
    assert colour_near(burned, (40, 145, 60, 155), red) > 20  # the shaft near the start
    assert colour_near(burned, (200, 145, 220, 155), red) > 20  # the middle
    # The head is wider than the shaft just before the end point (x = 320).
    head = colour_near(burned, (305, 130, 312, 170), red)
    shaft = colour_near(burned, (100, 130, 107, 170), red)
    assert head > 2 * shaft
    assert colour_near(burned, (325, 0, 400, 300), red) == 0  # nothing beyond the point
    assert colour_near(burned, (0, 0, 400, 130), red) == 0


def test_number_marker_is_a_filled_disc_with_a_white_number() -> None:
    blank = Image.new("RGB", (1000, 600), (200, 200, 200))
    burned = burn_in(encoded(blank), [Annotation("number", 0.5, 0.5, label="3", color="#43a047")])
    green = (0x43, 0xA0, 0x47)
    radius = 16  # 1.6 % of the longer side
    disc = (500 - radius, 300 - radius, 500 + radius, 300 + radius)
    assert colour_near(burned, disc, green) > 0.4 * (2 * radius) ** 2
    assert colour_near(burned, disc, (255, 255, 255)) > 15  # the digit
    assert colour_near(burned, (0, 0, 1000, 250), green) == 0


def test_number_marker_stays_on_the_image_at_the_edge() -> None:
    blank = Image.new("RGB", (400, 300), "white")
    burned = burn_in(encoded(blank), [Annotation("number", 1.4, -0.3, label="1")])
    red = (0xE5, 0x39, 0x35)
    assert colour_near(burned, (360, 0, 400, 40), red) > 200  # pushed into the corner


def test_text_label_renders_chinese_in_a_bordered_white_box() -> None:
    background = Image.new("RGB", (800, 400), (60, 60, 60))
    label = Annotation("text", 0.1, 0.1, label="点击“查询”按钮", color="#fb8c00")
    burned = burn_in(encoded(background), [label])
    box = burned.crop((80, 40, 400, 120))
    assert colour_near(box, (0, 0, 320, 80), (255, 255, 255)) > 500  # the white box
    assert colour_near(box, (0, 0, 320, 80), (0xFB, 0x8C, 0x00)) > 100  # its border
    assert colour_near(box, (0, 0, 320, 80), (26, 26, 26)) > 100  # the text's ink
    # Chinese glyphs, not the empty boxes of a font without them: the ink differs by text.
    other = burn_in(encoded(background), [replace(label, label="登记问题件并拍照")])
    assert mean_difference(burned, other) > 0.1
    tofu = burn_in(encoded(background), [replace(label, label="\uffff" * 7)])
    assert mean_difference(burned, tofu) > 0.1


def test_marks_outside_the_image_are_clamped_not_lost() -> None:
    blank = Image.new("RGB", (400, 300), "white")
    marks = [
        Annotation("rect", -0.2, -0.2, 0.5, 0.5, color="#000000"),
        Annotation("text", 1.2, 1.2, label="右下角 bottom right", color="#000000"),
        Annotation("arrow", -0.4, 0.5, 1.8, 0.0, color="#000000"),
        Annotation("blur", 1.2, 1.2, 0.2, 0.2),  # wholly outside: nothing to blur
    ]
    burned = burn_in(encoded(blank), marks)
    assert burned.size == (400, 300)
    assert colour_near(burned, (0, 0, 120, 90), (0, 0, 0)) > 100
    assert colour_near(burned, (250, 250, 400, 300), (0, 0, 0)) > 100
    assert colour_near(burned, (0, 140, 400, 160), (0, 0, 0)) > 400


def test_max_width_scales_down_keeping_the_proportions() -> None:
    picture = text_picture()
    blur = Annotation("blur", **fractions(BLUR_BOX))
    small = burn_in(encoded(picture, "JPEG", quality=92), [blur], max_width=200)
    assert small.size == (200, 150)
    half = (BLUR_BOX[0] // 2, BLUR_BOX[1] // 2, BLUR_BOX[2] // 2, BLUR_BOX[3] // 2)
    scaled = picture.resize((200, 150), Image.Resampling.LANCZOS)
    assert laplacian_variance(small.crop(half)) < 0.05 * laplacian_variance(scaled.crop(half))
    assert burn_in(encoded(picture), [], max_width=1000).size == (400, 300)  # never enlarged


def test_the_original_bytes_are_untouched_and_transparency_becomes_white() -> None:
    clear = Image.new("RGBA", (50, 40), (0, 0, 0, 0))
    data = encoded(clear)
    copy = bytes(data)
    burned = burn_in(data, [Annotation("rect", 0.1, 0.1, 0.5, 0.5)])
    assert data == copy
    assert burned.mode == "RGB"
    assert burned.getpixel((45, 35)) == (255, 255, 255)


def test_burn_in_of_a_damaged_image_is_a_value_error() -> None:
    png = encoded(text_picture())
    with pytest.raises(ValueError, match="damaged"):
        burn_in(png[:300], [])
