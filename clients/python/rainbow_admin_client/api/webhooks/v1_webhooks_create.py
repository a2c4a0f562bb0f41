from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.endpoint_input_request import EndpointInputRequest
from ...models.endpoint_with_secret import EndpointWithSecret
from ...models.error import Error
from typing import cast


def _get_kwargs(
    *,
    body: EndpointInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhooks/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndpointWithSecret | Error | None:
    if response.status_code == 201:
        response_201 = EndpointWithSecret.from_dict(response.json())

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
) -> Response[EndpointWithSecret | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EndpointInputRequest,
) -> Response[EndpointWithSecret | Error]:
    """Add a webhook endpoint

     For the admins of the endpoint's company (anyone else gets 404; a caller without a company, the
    operator, 403 `no_company`). `events`: event types (see the document's `webhooks`), `["*"]` for all.
    The answer holds the signing `secret`, shown only here. Outside development the URL must be https
    and must not resolve to a private address.

    Args:
        body (EndpointInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecret | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EndpointInputRequest,
) -> EndpointWithSecret | Error | None:
    """Add a webhook endpoint

     For the admins of the endpoint's company (anyone else gets 404; a caller without a company, the
    operator, 403 `no_company`). `events`: event types (see the document's `webhooks`), `["*"]` for all.
    The answer holds the signing `secret`, shown only here. Outside development the URL must be https
    and must not resolve to a private address.

    Args:
        body (EndpointInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecret | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EndpointInputRequest,
) -> Response[EndpointWithSecret | Error]:
    """Add a webhook endpoint

     For the admins of the endpoint's company (anyone else gets 404; a caller without a company, the
    operator, 403 `no_company`). `events`: event types (see the document's `webhooks`), `["*"]` for all.
    The answer holds the signing `secret`, shown only here. Outside development the URL must be https
    and must not resolve to a private address.

    Args:
        body (EndpointInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointWithSecret | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EndpointInputRequest,
) -> EndpointWithSecret | Error | None:
    """Add a webhook endpoint

     For the admins of the endpoint's company (anyone else gets 404; a caller without a company, the
    operator, 403 `no_company`). `events`: event types (see the document's `webhooks`), `["*"]` for all.
    The answer holds the signing `secret`, shown only here. Outside development the URL must be https
    and must not resolve to a private address.

    Args:
        body (EndpointInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointWithSecret | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
