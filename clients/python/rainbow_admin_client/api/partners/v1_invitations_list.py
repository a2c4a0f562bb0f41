from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.direction_enum import DirectionEnum
from ...models.error import Error
from ...models.invitation_status_enum import InvitationStatusEnum
from ...models.paginated_invitation_list import PaginatedInvitationList
from ...models.v1_invitations_list_direction import V1InvitationsListDirection
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    *,
    direction: V1InvitationsListDirection | Unset = V1InvitationsListDirection.ISSUED,
    kind: DirectionEnum | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvitationStatusEnum | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["page"] = page

    params["page_size"] = page_size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/invitations/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedInvitationList | None:
    if response.status_code == 200:
        response_200 = PaginatedInvitationList.from_dict(response.json())

        return response_200

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PaginatedInvitationList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    direction: V1InvitationsListDirection | Unset = V1InvitationsListDirection.ISSUED,
    kind: DirectionEnum | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvitationStatusEnum | Unset = UNSET,
) -> Response[Error | PaginatedInvitationList]:
    """List my company's partner requests

     The caller's company admins: the requests and offers it sent (`direction=issued`, the default) or
    received, newest first; `kind` and `status` narrow them. Answered in pages (`count`, `next`,
    `previous`, `results`; `page`, `page_size`).

    Args:
        direction (V1InvitationsListDirection | Unset):  Default:
            V1InvitationsListDirection.ISSUED.
        kind (DirectionEnum | Unset): * `request` - request
            * `offer` - offer
        page (int | Unset):
        page_size (int | Unset):
        status (InvitationStatusEnum | Unset): * `pending` - Pending
            * `accepted` - Accepted
            * `declined` - Declined
            * `cancelled` - Cancelled
            * `expired` - Expired

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedInvitationList]
    """

    kwargs = _get_kwargs(
        direction=direction,
        kind=kind,
        page=page,
        page_size=page_size,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    direction: V1InvitationsListDirection | Unset = V1InvitationsListDirection.ISSUED,
    kind: DirectionEnum | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvitationStatusEnum | Unset = UNSET,
) -> Error | PaginatedInvitationList | None:
    """List my company's partner requests

     The caller's company admins: the requests and offers it sent (`direction=issued`, the default) or
    received, newest first; `kind` and `status` narrow them. Answered in pages (`count`, `next`,
    `previous`, `results`; `page`, `page_size`).

    Args:
        direction (V1InvitationsListDirection | Unset):  Default:
            V1InvitationsListDirection.ISSUED.
        kind (DirectionEnum | Unset): * `request` - request
            * `offer` - offer
        page (int | Unset):
        page_size (int | Unset):
        status (InvitationStatusEnum | Unset): * `pending` - Pending
            * `accepted` - Accepted
            * `declined` - Declined
            * `cancelled` - Cancelled
            * `expired` - Expired

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedInvitationList
    """

    return sync_detailed(
        client=client,
        direction=direction,
        kind=kind,
        page=page,
        page_size=page_size,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    direction: V1InvitationsListDirection | Unset = V1InvitationsListDirection.ISSUED,
    kind: DirectionEnum | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvitationStatusEnum | Unset = UNSET,
) -> Response[Error | PaginatedInvitationList]:
    """List my company's partner requests

     The caller's company admins: the requests and offers it sent (`direction=issued`, the default) or
    received, newest first; `kind` and `status` narrow them. Answered in pages (`count`, `next`,
    `previous`, `results`; `page`, `page_size`).

    Args:
        direction (V1InvitationsListDirection | Unset):  Default:
            V1InvitationsListDirection.ISSUED.
        kind (DirectionEnum | Unset): * `request` - request
            * `offer` - offer
        page (int | Unset):
        page_size (int | Unset):
        status (InvitationStatusEnum | Unset): * `pending` - Pending
            * `accepted` - Accepted
            * `declined` - Declined
            * `cancelled` - Cancelled
            * `expired` - Expired

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedInvitationList]
    """

    kwargs = _get_kwargs(
        direction=direction,
        kind=kind,
        page=page,
        page_size=page_size,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    direction: V1InvitationsListDirection | Unset = V1InvitationsListDirection.ISSUED,
    kind: DirectionEnum | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    status: InvitationStatusEnum | Unset = UNSET,
) -> Error | PaginatedInvitationList | None:
    """List my company's partner requests

     The caller's company admins: the requests and offers it sent (`direction=issued`, the default) or
    received, newest first; `kind` and `status` narrow them. Answered in pages (`count`, `next`,
    `previous`, `results`; `page`, `page_size`).

    Args:
        direction (V1InvitationsListDirection | Unset):  Default:
            V1InvitationsListDirection.ISSUED.
        kind (DirectionEnum | Unset): * `request` - request
            * `offer` - offer
        page (int | Unset):
        page_size (int | Unset):
        status (InvitationStatusEnum | Unset): * `pending` - Pending
            * `accepted` - Accepted
            * `declined` - Declined
            * `cancelled` - Cancelled
            * `expired` - Expired

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedInvitationList
    """

    return (
        await asyncio_detailed(
            client=client,
            direction=direction,
            kind=kind,
            page=page,
            page_size=page_size,
            status=status,
        )
    ).parsed
