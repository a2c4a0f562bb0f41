from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.hunt_group import HuntGroup
from typing import cast
from uuid import UUID


def _get_kwargs(
    pbx_id: UUID,
    item_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/pbxs/{pbx_id}/hunt-groups/{item_id}/".format(
            pbx_id=quote(str(pbx_id), safe=""),
            item_id=quote(str(item_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | HuntGroup | None:
    if response.status_code == 200:
        response_200 = HuntGroup.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | HuntGroup]:
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
) -> Response[Error | HuntGroup]:
    """Get a hunt group

     For the company's admins, its partner's admins holding the `telephony` scope and operators (a member
    gets 403; anyone who may not see the company 404). A Cloud PBX resource: on another kind of PBX the
    answer is 409 `cloud_pbx_only`.

    Args:
        pbx_id (UUID):
        item_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | HuntGroup]
    """

    kwargs = _get_kwargs(
        pbx_id=pbx_id,
        item_id=item_id,
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
) -> Error | HuntGroup | None:
    """Get a hunt group

     For the company's admins, its partner's admins holding the `telephony` scope and operators (a member
    gets 403; anyone who may not see the company 404). A Cloud PBX resource: on another kind of PBX the
    answer is 409 `cloud_pbx_only`.

    Args:
        pbx_id (UUID):
        item_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | HuntGroup
    """

    return sync_detailed(
        pbx_id=pbx_id,
        item_id=item_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    pbx_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Error | HuntGroup]:
    """Get a hunt group

     For the company's admins, its partner's admins holding the `telephony` scope and operators (a member
    gets 403; anyone who may not see the company 404). A Cloud PBX resource: on another kind of PBX the
    answer is 409 `cloud_pbx_only`.

    Args:
        pbx_id (UUID):
        item_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | HuntGroup]
    """

    kwargs = _get_kwargs(
        pbx_id=pbx_id,
        item_id=item_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pbx_id: UUID,
    item_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Error | HuntGroup | None:
    """Get a hunt group

     For the company's admins, its partner's admins holding the `telephony` scope and operators (a member
    gets 403; anyone who may not see the company 404). A Cloud PBX resource: on another kind of PBX the
    answer is 409 `cloud_pbx_only`.

    Args:
        pbx_id (UUID):
        item_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | HuntGroup
    """

    return (
        await asyncio_detailed(
            pbx_id=pbx_id,
            item_id=item_id,
            client=client,
        )
    ).parsed
