from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.member_input_request import MemberInputRequest
from ...models.user import User
from typing import cast
from uuid import UUID


def _get_kwargs(
    company_id: UUID,
    *,
    body: MemberInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/companies/{company_id}/members/".format(
            company_id=quote(str(company_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | User | None:
    if response.status_code == 201:
        response_201 = User.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | User]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    company_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberInputRequest,
) -> Response[Error | User]:
    """Add a person

     For the company's admins and operators (a member gets 403). The new person gets an activation email;
    `password` (no email) is taken from operators only. 400 `email_taken` when a member of the company
    uses the address, `email_unavailable` when someone else does. Adding people is limited per company
    (429 with `Retry-After`; operators are not limited).

    Args:
        company_id (UUID):
        body (MemberInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | User]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    company_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberInputRequest,
) -> Error | User | None:
    """Add a person

     For the company's admins and operators (a member gets 403). The new person gets an activation email;
    `password` (no email) is taken from operators only. 400 `email_taken` when a member of the company
    uses the address, `email_unavailable` when someone else does. Adding people is limited per company
    (429 with `Retry-After`; operators are not limited).

    Args:
        company_id (UUID):
        body (MemberInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | User
    """

    return sync_detailed(
        company_id=company_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    company_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberInputRequest,
) -> Response[Error | User]:
    """Add a person

     For the company's admins and operators (a member gets 403). The new person gets an activation email;
    `password` (no email) is taken from operators only. 400 `email_taken` when a member of the company
    uses the address, `email_unavailable` when someone else does. Adding people is limited per company
    (429 with `Retry-After`; operators are not limited).

    Args:
        company_id (UUID):
        body (MemberInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | User]
    """

    kwargs = _get_kwargs(
        company_id=company_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    company_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MemberInputRequest,
) -> Error | User | None:
    """Add a person

     For the company's admins and operators (a member gets 403). The new person gets an activation email;
    `password` (no email) is taken from operators only. 400 `email_taken` when a member of the company
    uses the address, `email_unavailable` when someone else does. Adding people is limited per company
    (429 with `Retry-After`; operators are not limited).

    Args:
        company_id (UUID):
        body (MemberInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | User
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            body=body,
        )
    ).parsed
