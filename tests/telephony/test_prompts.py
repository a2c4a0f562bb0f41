"""Voice prompts in-process: the WAV check, byte ranges, files deleted after the commit, the
orphan command, the API objects, the pages' players and what each costs."""

from __future__ import annotations

import io
import os
import struct
import time
import wave

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from telephony.audio import byte_range
from telephony.models import AutoAttendant, WelcomeService
from telephony.services import features, prompts
from telephony.services.pbx import pbx_remove
from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory

pytestmark = pytest.mark.django_db


def wav(frames: int = 800, *, rate: int = 8000, channels: int = 1, width: int = 2) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(channels)
        audio.setsampwidth(width)
        audio.setframerate(rate)
        audio.writeframes(b"\x01" * frames * channels * width)
    return buffer.getvalue()


def upload(data: bytes, name: str = "prompt.wav") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, "audio/wav")


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def service(cloud):
    return WelcomeService.objects.create(pbx=cloud, name="Reception")


@pytest.fixture
def attendant(cloud):
    return AutoAttendant.objects.create(pbx=cloud, name="Main menu")


# --- the WAV check --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "milliseconds"),
    [
        (wav(800), 100),
        (wav(44100, rate=44100, channels=2), 1000),
        (wav(12000, rate=16000, width=1), 750),
    ],
)
def test_a_wav_file_is_accepted_with_its_duration(data, milliseconds):
    assert prompts.wav_duration_ms(upload(data)) == milliseconds


def _float_wav() -> bytes:
    """A WAV of 32-bit float samples (format 3): RIFF/WAVE, but not PCM ``wave`` decodes."""
    frames = b"\x00" * 400
    fmt = b"fmt " + struct.pack("<IHHIIHH", 16, 3, 1, 8000, 32000, 4, 32)
    body = b"WAVE" + fmt + b"data" + struct.pack("<I", len(frames)) + frames
    return b"RIFF" + struct.pack("<I", len(body)) + body


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(wav(0), id="header without audio"),
        pytest.param(wav(800)[:-10], id="data shorter than the header says"),
        pytest.param(wav(800)[:40], id="cut inside the header"),
        pytest.param(_float_wav(), id="not PCM"),
        pytest.param(b"ID3\x03" + b"\x00" * 100, id="an MP3"),
        pytest.param(b"RIFF\x00\x00\x00\x00WAVE", id="RIFF without chunks"),
    ],
)
def test_a_file_that_does_not_decode_as_wav_is_refused(data):
    with pytest.raises(prompts.InvalidInput) as refused:
        prompts.wav_duration_ms(upload(data))
    assert refused.value.code == "invalid_audio"
    assert "does not decode" in str(refused.value)


# --- byte ranges ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=990-5000", (990, 999)),
        ("bytes=-10", (990, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=999-999", (999, 999)),
        ("bytes=1000-", False),
        ("bytes=1000-1001", False),
        ("bytes=-0", False),
        ("bytes=5-4", None),  # an invalid range: the header is ignored
        ("bytes=0-1,5-6", None),  # several ranges: the whole file
        ("items=0-1", None),
        ("bytes=-", None),
        ("bytes=x-1", None),
    ],
)
def test_a_range_header_is_read_as_rfc_9110_says(header, expected):
    assert byte_range(header, 1000) == expected


# --- files deleted after the commit ---------------------------------------------------------


def test_a_replaced_greeting_is_deleted_only_once_the_change_commits(
    admin, service, media, django_capture_on_commit_callbacks
):
    features.welcome_greeting_upload(
        actor=admin, service=service, which="open", upload=upload(wav())
    )
    old = WelcomeService.objects.get().greeting_open.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        features.welcome_greeting_upload(
            actor=admin, service=service, which="open", upload=upload(wav(1600))
        )
    new = WelcomeService.objects.get()
    assert new.greeting_open.name != old and new.greeting_open_ms == 200
    assert (media / old).exists()  # the change has not committed yet: the old file stays
    for callback in callbacks:
        callback()
    assert not (media / old).exists()
    assert (media / new.greeting_open.name).exists()


def test_a_refused_file_leaves_the_greeting_as_it_was(admin, service, media):
    features.welcome_greeting_upload(
        actor=admin, service=service, which="open", upload=upload(wav())
    )
    before = WelcomeService.objects.get().greeting_open.name
    with pytest.raises(prompts.InvalidInput):
        features.welcome_greeting_upload(
            actor=admin, service=service, which="open", upload=upload(wav()[:-2])
        )
    assert WelcomeService.objects.get().greeting_open.name == before
    assert sorted(p.name for p in media.rglob("*.wav")) == [before.rsplit("/", 1)[-1]]


def test_removing_the_pbx_removes_every_prompt_file(
    admin, company, service, attendant, media, django_capture_on_commit_callbacks
):
    partner = AdminFactory(company=ResellerFactory())
    PartnerLinkFactory(company=company, partner=partner.company)
    for which in ("open", "closed"):
        features.welcome_greeting_upload(
            actor=admin, service=service, which=which, upload=upload(wav())
        )
    features.attendant_prompt_upload(actor=admin, attendant=attendant, upload=upload(wav()))
    assert len(list(media.rglob("*.wav"))) == 3
    with django_capture_on_commit_callbacks(execute=True):
        pbx_remove(actor=partner, pbx=service.pbx)
    assert list(media.rglob("*.wav")) == []


# --- the orphan command ---------------------------------------------------------------------


def test_the_orphan_command_lists_then_removes_files_no_row_names(admin, service, media, capsys):
    features.welcome_greeting_upload(
        actor=admin, service=service, which="open", upload=upload(wav())
    )
    kept = media / WelcomeService.objects.get().greeting_open.name
    orphan = kept.parent / "lost-upload.wav"
    orphan.write_bytes(wav())
    young = kept.parent / "committing-now.wav"
    young.write_bytes(wav())
    an_hour_and_more = time.time() - 3700
    for path in (kept, orphan):
        os.utime(path, (an_hour_and_more, an_hour_and_more))

    call_command("prompt_orphans")
    out = capsys.readouterr().out
    assert "lost-upload.wav" in out and "1 orphaned prompt files (dry run" in out
    assert kept.name not in out and "committing-now" not in out
    assert orphan.exists()  # a dry run by default

    call_command("prompt_orphans", "--delete")
    assert "1 orphaned prompt files removed." in capsys.readouterr().out
    assert not orphan.exists() and kept.exists() and young.exists()


# --- the API and the pages ------------------------------------------------------------------


def test_the_api_objects_carry_the_address_and_duration_or_null(api_for, admin, service, media):
    api = api_for(admin)
    base = f"/api/v1/pbxs/{service.pbx_id}/welcome-services/{service.pk}/"
    body = api.get(base).json()
    assert body["greeting_open_url"] is None and body["greeting_open_duration"] is None
    features.welcome_greeting_upload(
        actor=admin, service=service, which="closed", upload=upload(wav(4000))
    )
    body = api.get(base).json()
    assert body["greeting_closed_url"] == f"{base}greetings/closed/"
    assert body["greeting_closed_duration"] == 0.5 and body["greeting_open_url"] is None
    assert b"".join(api.get(f"{base}greetings/closed/").streaming_content) == wav(4000)
    assert api.get(f"{base}greetings/open/").status_code == 404
    assert api.get(f"{base}greetings/later/").status_code == 404


def test_a_member_hears_the_prompt_but_may_not_replace_it(api_for, admin, member, attendant, media):
    features.attendant_prompt_upload(actor=admin, attendant=attendant, upload=upload(wav()))
    url = f"/api/v1/pbxs/{attendant.pbx_id}/auto-attendants/{attendant.pk}/prompt/"
    api = api_for(member)
    heard = api.get(url, HTTP_ACCEPT="audio/wav")
    assert heard.status_code == 200 and heard["Content-Type"] == "audio/wav"
    assert b"".join(heard.streaming_content) == wav()
    refused = api.post(url, {"file": upload(wav(80))}, format="multipart")
    assert refused.status_code == 403
    assert AutoAttendant.objects.get().prompt_ms == 100


def test_fetching_a_prompt_costs_a_fixed_number_of_queries(
    api_for, admin, service, media, django_assert_num_queries
):
    features.welcome_greeting_upload(
        actor=admin, service=service, which="open", upload=upload(wav())
    )
    api = api_for(admin)
    url = f"/api/v1/pbxs/{service.pbx_id}/welcome-services/{service.pk}/greetings/open/"
    api.get(url)  # the token's last use is stamped once
    for header in ({}, {"HTTP_RANGE": "bytes=0-9"}):
        # token, PBX with its company, the partner link, the service with hours, exceptions
        # and numbers
        with django_assert_num_queries(6):
            assert api.get(url, **header).status_code in (200, 206)


def test_the_pages_play_the_prompts_with_their_durations(client, admin, service, attendant, media):
    client.force_login(admin)
    base = f"/telephony/pbxs/{service.pbx_id}"
    page = client.get(f"{base}/welcome/{service.pk}/").content.decode()
    assert "<audio" not in page and "No greeting yet." in page
    features.welcome_greeting_upload(
        actor=admin, service=service, which="open", upload=upload(wav(8000 * 75))
    )
    features.attendant_prompt_upload(actor=admin, attendant=attendant, upload=upload(wav()))
    page = client.get(f"{base}/welcome/{service.pk}/").content.decode()
    src = f"/api/v1/pbxs/{service.pbx_id}/welcome-services/{service.pk}/greetings/open/"
    assert f'src="{src}"' in page and "(1:15)" in page
    assert page.count("<audio") == 1 and "No greeting yet." in page  # the closed one
    page = client.get(f"{base}/attendants/{attendant.pk}/").content.decode()
    src = f"/api/v1/pbxs/{service.pbx_id}/auto-attendants/{attendant.pk}/prompt/"
    assert f'src="{src}"' in page and "(0:01)" in page


def test_prompts_uploaded_before_durations_get_theirs_from_their_files(service, attendant, media):
    """Migration 0005 reads the durations of files stored before they were kept."""
    import importlib

    from django.apps import apps

    fill = importlib.import_module("telephony.migrations.0006_prompt_durations")
    (media / "telephony/prompts").mkdir(parents=True)
    (media / "telephony/prompts/old-open.wav").write_bytes(wav(12000))
    (media / "telephony/prompts/old-menu.wav").write_bytes(b"not audio at all")
    WelcomeService.objects.filter(pk=service.pk).update(
        greeting_open="telephony/prompts/old-open.wav",
        greeting_closed="telephony/prompts/gone.wav",  # missing from the storage
    )
    AutoAttendant.objects.filter(pk=attendant.pk).update(prompt="telephony/prompts/old-menu.wav")
    fill.prompt_durations_fill(apps, None)
    service.refresh_from_db()
    assert service.greeting_open_ms == 1500 and service.greeting_closed_ms is None
    assert AutoAttendant.objects.get().prompt_ms is None
