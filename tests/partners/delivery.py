"""An offer is delivered by a worker after the request commits (``offer_deliver_later``).

Tests run in a transaction that never commits, so nothing queued "after commit" runs by itself.
``offer_delivered`` runs what a commit hands the worker for an offer, at the end of the block (the
tests' Celery is eager: the worker's part runs there and then). The emails it writes stay queued
in the outbox, as every email of these tests does, so that tests read them there.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.test import TestCase

OFFERS = "partners.services._common"  # where offer_deliver_later queues it


@contextmanager
def offer_delivered() -> Iterator[list]:
    """Run, at the end of the block, the offer deliveries the block queued after commit; yields
    the list of the callbacks run."""
    with TestCase.captureOnCommitCallbacks() as callbacks:
        yield callbacks
    for callback in callbacks:
        if callback.__module__ == OFFERS:
            callback()
