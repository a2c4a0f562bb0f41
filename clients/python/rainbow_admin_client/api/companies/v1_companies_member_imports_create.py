from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.member_import import MemberImport
from ...models.member_import_input_request import MemberImportInputRequest
from typing import cast
from uuid import UUID


def _get_kwargs(
    company_id: UUID,
    *,
    body: MemberImportInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/companies/{company_id}/member-imports/".format(
            company_id=quote(str(company_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MemberImport | None:
    if response.status_code == 202:
        response_202 = MemberImport.from_dict(response.json())

        return response_202

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
) -> Response[Error | MemberImport]:
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
    body: MemberImportInputRequest,
) -> Response[Error | MemberImport]:
    """Import people from a CSV

     For the company's admins and operators (a member gets 403). `content`: a header line with `email`
    and `name`, optional `role`, `language`, `offer` and `extension`; comma, semicolon or tab separated.
    Answers 202 at once: the worker imports it; poll `GET /member-imports/{id}/` for its progress. Valid
    rows are created, each bad row reported with its number and field. Imports are limited per company
    and day (429 with `Retry-After`; operators are not limited).

    Args:
        company_id (UUID):
        body (MemberImportInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MemberImport]
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
    body: MemberImportInputRequest,
) -> Error | MemberImport | None:
    """Import people from a CSV

     For the company's admins and operators (a member gets 403). `content`: a header line with `email`
    and `name`, optional `role`, `language`, `offer` and `extension`; comma, semicolon or tab separated.
    Answers 202 at once: the worker imports it; poll `GET /member-imports/{id}/` for its progress. Valid
    rows are created, each bad row reported with its number and field. Imports are limited per company
    and day (429 with `Retry-After`; operators are not limited).

    Args:
        company_id (UUID):
        body (MemberImportInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MemberImport
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
    body: MemberImportInputRequest,
) -> Response[Error | MemberImport]:
    """Import people from a CSV

     For the company's admins and operators (a member gets 403). `content`: a header line with `email`
    and `name`, optional `role`, `language`, `offer` and `extension`; comma, semicolon or tab separated.
    Answers 202 at once: the worker imports it; poll `GET /member-imports/{id}/` for its progress. Valid
    rows are created, each bad row reported with its number and field. Imports are limited per company
    and day (429 with `Retry-After`; operators are not limited).

    Args:
        company_id (UUID):
        body (MemberImportInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MemberImport]
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
    body: MemberImportInputRequest,
) -> Error | MemberImport | None:
    """Import people from a CSV

     For the company's admins and operators (a member gets 403). `content`: a header line with `email`
    and `name`, optional `role`, `language`, `offer` and `extension`; comma, semicolon or tab separated.
    Answers 202 at once: the worker imports it; poll `GET /member-imports/{id}/` for its progress. Valid
    rows are created, each bad row reported with its number and field. Imports are limited per company
    and day (429 with `Retry-After`; operators are not limited).

    Args:
        company_id (UUID):
        body (MemberImportInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MemberImport
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            body=body,
        )
    ).parsed
