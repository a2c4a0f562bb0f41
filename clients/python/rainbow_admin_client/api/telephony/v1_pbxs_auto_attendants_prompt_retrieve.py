from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
from uuid import UUID


def _get_kwargs(
    pbx_id: UUID,
    item_id: UUID,
    *,
    if_none_match: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    if not isinstance(range_, Unset):
        headers["Range"] = range_

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pbxs/{pbx_id}/auto-attendants/{item_id}/prompt/".format(
            pbx_id=quote(str(pbx_id), safe=""),
            item_id=quote(str(item_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 416:
        response_416 = Error.from_dict(response.json())

        return response_416

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pbx_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Response[Any | Error | File]:
    """Hear an Automated Attendant's prompt

     The menu prompt as uploaded (`audio/wav`); `Range` is answered with 206, `If-None-Match` with 304.
    The company's members, its partner holding the `telephony` scope and operators (404 for anyone else,
    and when there is none).

    Args:
        pbx_id (UUID):
        item_id (UUID):
        if_none_match (str | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | File]
    """

    kwargs = _get_kwargs(
        pbx_id=pbx_id,
        item_id=item_id,
        if_none_match=if_none_match,
        range_=range_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pbx_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Any | Error | File | None:
    """Hear an Automated Attendant's prompt

     The menu prompt as uploaded (`audio/wav`); `Range` is answered with 206, `If-None-Match` with 304.
    The company's members, its partner holding the `telephony` scope and operators (404 for anyone else,
    and when there is none).

    Args:
        pbx_id (UUID):
        item_id (UUID):
        if_none_match (str | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | File
    """

    return sync_detailed(
        pbx_id=pbx_id,
        item_id=item_id,
        client=client,
        if_none_match=if_none_match,
        range_=range_,
    ).parsed


async def asyncio_detailed(
    pbx_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Response[Any | Error | File]:
    """Hear an Automated Attendant's prompt

     The menu prompt as uploaded (`audio/wav`); `Range` is answered with 206, `If-None-Match` with 304.
    The company's members, its partner holding the `telephony` scope and operators (404 for anyone else,
    and when there is none).

    Args:
        pbx_id (UUID):
        item_id (UUID):
        if_none_match (str | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | File]
    """

    kwargs = _get_kwargs(
        pbx_id=pbx_id,
        item_id=item_id,
        if_none_match=if_none_match,
        range_=range_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pbx_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: str | Unset = UNSET,
    range_: str | Unset = UNSET,
) -> Any | Error | File | None:
    """Hear an Automated Attendant's prompt

     The menu prompt as uploaded (`audio/wav`); `Range` is answered with 206, `If-None-Match` with 304.
    The company's members, its partner holding the `telephony` scope and operators (404 for anyone else,
    and when there is none).

    Args:
        pbx_id (UUID):
        item_id (UUID):
        if_none_match (str | Unset):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | File
    """

    return (
        await asyncio_detailed(
            pbx_id=pbx_id,
            item_id=item_id,
            client=client,
            if_none_match=if_none_match,
            range_=range_,
        )
    ).parsed
