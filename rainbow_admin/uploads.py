"""Uploads stop at the size limit: a request body larger than ``UPLOAD_MAX_BYTES`` is refused
before it is read (declared length) or as soon as the limit is passed (chunked or lying length),
rather than written whole to a temporary file and refused afterwards."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.http.multipartparser import MultiPartParserError


class UploadTooLarge(MultiPartParserError):
    """Pages answer 400 (Django's handler for parser errors); the API 400 ``file_too_large``."""


class SizeLimitUploadHandler(FileUploadHandler):
    """First in ``FILE_UPLOAD_HANDLERS``: counts what arrives and stops the parser past the limit
    (the rest of the body is not read: the connection closes)."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.received = 0
        if content_length and content_length > settings.UPLOAD_MAX_BYTES:
            raise UploadTooLarge(f"request body of {content_length} bytes refused")
        return None

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.UPLOAD_MAX_BYTES:
            raise UploadTooLarge("upload larger than the limit refused")
        return raw_data

    def file_complete(self, file_size):
        return None
