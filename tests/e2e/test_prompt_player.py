"""The Welcome Service page plays its greeting in Chromium: the <audio> element loads the file
the portal serves (its duration is the file's) and seeks in it (a Range request)."""

from __future__ import annotations

import io
import wave

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from telephony.models import WelcomeService
from telephony.services import features
from tests.conftest import sign_in
from tests.factories import PASSWORD, AdminFactory
from tests.telephony.factories import CloudPbxFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def greeting(seconds: float, rate: int = 8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(b"\x10\x00" * int(seconds * rate))
    return buffer.getvalue()


def test_the_welcome_service_page_plays_its_greeting(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    admin = AdminFactory(language="en")
    pbx = CloudPbxFactory(company=admin.company)
    service = WelcomeService.objects.create(pbx=pbx, name="Reception")
    data = greeting(2.5)
    features.welcome_greeting_upload(
        actor=admin,
        service=service,
        which="open",
        upload=SimpleUploadedFile("hello.wav", data, "audio/wav"),
    )
    ranges: list[str] = []
    page.on(
        "request",
        lambda request: (
            ranges.append(request.headers.get("range", ""))
            if "/greetings/open/" in request.url
            else None
        ),
    )

    sign_in(page, admin.email, PASSWORD)
    page.goto(f"/telephony/pbxs/{pbx.pk}/welcome/{service.pk}/")
    assert page.get_by_text("Open greeting (0:02)").is_visible()  # 2.5 s, as the player shows
    player = page.locator("audio")
    assert player.count() == 1
    page.wait_for_function("document.querySelector('audio').readyState >= 1")
    assert player.evaluate("audio => audio.duration") == pytest.approx(2.5, abs=0.01)
    assert player.evaluate("audio => audio.error") is None

    # Seeking asks the portal for a range of the file (206), and the player gets there.
    player.evaluate(
        """audio => new Promise(resolve => {
            audio.addEventListener('seeked', resolve, {once: true});
            audio.currentTime = 2.0;
        })"""
    )
    assert player.evaluate("audio => audio.currentTime") == pytest.approx(2.0, abs=0.05)
    assert any(r.startswith("bytes=") for r in ranges), ranges
    assert page.console_errors == []
