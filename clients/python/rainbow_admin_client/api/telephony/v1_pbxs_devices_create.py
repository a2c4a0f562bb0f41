from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.device import Device
from ...models.device_input_request import DeviceInputRequest
from ...models.error import Error
from typing import cast
from uuid import UUID


def _get_kwargs(
    pbx_id: UUID,
    *,
    body: DeviceInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/pbxs/{pbx_id}/devices/".format(
            pbx_id=quote(str(pbx_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Device | Error | None:
    if response.status_code == 201:
        response_201 = Device.from_dict(response.json())

        return response_201

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

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Device | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pbx_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeviceInputRequest,
) -> Response[Device | Error]:
    """Add a device

     For the company's admins, its partner's admins holding the `telephony` scope and operators (a member
    gets 403; anyone who may not see the company 404). A Cloud PBX resource: on another kind of PBX the
    answer is 409 `cloud_pbx_only`. A desk phone or SIP device by its MAC address, a DECT handset by its
    IPEI; unique on the PBX; optionally given to a member's `line`.

    Args:
        pbx_id (UUID):
        body (DeviceInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Device | Error]
    """

    kwargs = _get_kwargs(
        pbx_id=pbx_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pbx_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeviceInputRequest,
) -> Device | Error | None:
    """Add a device

     For the company's admins, its partner's admins holding the `telephony` scope and operators (a member
    gets 403; anyone who may not see the company 404). A Cloud PBX resource: on another kind of PBX the
    answer is 409 `cloud_pbx_only`. A desk phone or SIP device by its MAC address, a DECT handset by its
    IPEI; unique on the PBX; optionally given to a member's `line`.

    Args:
        pbx_id (UUID):
        body (DeviceInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Device | Error
    """

    return sync_detailed(
        pbx_id=pbx_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    pbx_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeviceInputRequest,
) -> Response[Device | Error]:
    """Add a device

     For the company's admins, its partner's admins holding the `telephony` scope and operators (a member
    gets 403; anyone who may not see the company 404). A Cloud PBX resource: on another kind of PBX the
    answer is 409 `cloud_pbx_only`. A desk phone or SIP device by its MAC address, a DECT handset by its
    IPEI; unique on the PBX; optionally given to a member's `line`.

    Args:
        pbx_id (UUID):
        body (DeviceInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Device | Error]
    """

    kwargs = _get_kwargs(
        pbx_id=pbx_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pbx_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeviceInputRequest,
) -> Device | Error | None:
    """Add a device

     For the company's admins, its partner's admins holding the `telephony` scope and operators (a member
    gets 403; anyone who may not see the company 404). A Cloud PBX resource: on another kind of PBX the
    answer is 409 `cloud_pbx_only`. A desk phone or SIP device by its MAC address, a DECT handset by its
    IPEI; unique on the PBX; optionally given to a member's `line`.

    Args:
        pbx_id (UUID):
        body (DeviceInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Device | Error
    """

    return (
        await asyncio_detailed(
            pbx_id=pbx_id,
            client=client,
            body=body,
        )
    ).parsed
