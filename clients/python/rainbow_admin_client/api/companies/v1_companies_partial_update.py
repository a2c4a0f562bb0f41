from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.company import Company
from ...models.error import Error
from ...models.patched_company_update_request import PatchedCompanyUpdateRequest
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID


def _get_kwargs(
    company_id: UUID,
    *,
    body: PatchedCompanyUpdateRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/companies/{company_id}/".format(
            company_id=quote(str(company_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Company | Error | None:
    if response.status_code == 200:
        response_200 = Company.from_dict(response.json())

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

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Company | Error]:
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
    body: PatchedCompanyUpdateRequest | Unset = UNSET,
) -> Response[Company | Error]:
    """Change a company's settings

     For the company's admins and operators (a member gets 403). Every field is optional (an empty body
    changes nothing); `kind` cannot change. `require_two_factor`: none, admins or everyone.

    Args:
        company_id (UUID):
        body (PatchedCompanyUpdateRequest | Unset): Types only: the rules
            (``companies.services.company_update``) are the page's as well.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Company | Error]
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
    body: PatchedCompanyUpdateRequest | Unset = UNSET,
) -> Company | Error | None:
    """Change a company's settings

     For the company's admins and operators (a member gets 403). Every field is optional (an empty body
    changes nothing); `kind` cannot change. `require_two_factor`: none, admins or everyone.

    Args:
        company_id (UUID):
        body (PatchedCompanyUpdateRequest | Unset): Types only: the rules
            (``companies.services.company_update``) are the page's as well.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Company | Error
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
    body: PatchedCompanyUpdateRequest | Unset = UNSET,
) -> Response[Company | Error]:
    """Change a company's settings

     For the company's admins and operators (a member gets 403). Every field is optional (an empty body
    changes nothing); `kind` cannot change. `require_two_factor`: none, admins or everyone.

    Args:
        company_id (UUID):
        body (PatchedCompanyUpdateRequest | Unset): Types only: the rules
            (``companies.services.company_update``) are the page's as well.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Company | Error]
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
    body: PatchedCompanyUpdateRequest | Unset = UNSET,
) -> Company | Error | None:
    """Change a company's settings

     For the company's admins and operators (a member gets 403). Every field is optional (an empty body
    changes nothing); `kind` cannot change. `require_two_factor`: none, admins or everyone.

    Args:
        company_id (UUID):
        body (PatchedCompanyUpdateRequest | Unset): Types only: the rules
            (``companies.services.company_update``) are the page's as well.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Company | Error
    """

    return (
        await asyncio_detailed(
            company_id=company_id,
            client=client,
            body=body,
        )
    ).parsed
