from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.token import Token
from ...models.token_input_request import TokenInputRequest
from typing import cast


def _get_kwargs(
    *,
    body: TokenInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Token | None:
    if response.status_code == 201:
        response_201 = Token.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

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
) -> Response[Error | Token]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenInputRequest,
) -> Response[Error | Token]:
    """Sign in: get an API token

     Anyone. Answers 201 `{token, expires_at}`; send it as `Authorization: Bearer <token>`. Bad
    credentials are a 400, the same whether the email exists or not. With two-factor on, `otp` is
    needed: without it 400 `otp_required`, wrong 400 `otp_invalid` (an unused recovery code works once).
    Sign-in failures are limited per address and per client (429 with `Retry-After`). Each call makes a
    new token; a person holds a limited number of usable tokens (the oldest is revoked).

    Args:
        body (TokenInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Token]
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
    client: AuthenticatedClient | Client,
    body: TokenInputRequest,
) -> Error | Token | None:
    """Sign in: get an API token

     Anyone. Answers 201 `{token, expires_at}`; send it as `Authorization: Bearer <token>`. Bad
    credentials are a 400, the same whether the email exists or not. With two-factor on, `otp` is
    needed: without it 400 `otp_required`, wrong 400 `otp_invalid` (an unused recovery code works once).
    Sign-in failures are limited per address and per client (429 with `Retry-After`). Each call makes a
    new token; a person holds a limited number of usable tokens (the oldest is revoked).

    Args:
        body (TokenInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Token
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenInputRequest,
) -> Response[Error | Token]:
    """Sign in: get an API token

     Anyone. Answers 201 `{token, expires_at}`; send it as `Authorization: Bearer <token>`. Bad
    credentials are a 400, the same whether the email exists or not. With two-factor on, `otp` is
    needed: without it 400 `otp_required`, wrong 400 `otp_invalid` (an unused recovery code works once).
    Sign-in failures are limited per address and per client (429 with `Retry-After`). Each call makes a
    new token; a person holds a limited number of usable tokens (the oldest is revoked).

    Args:
        body (TokenInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Token]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TokenInputRequest,
) -> Error | Token | None:
    """Sign in: get an API token

     Anyone. Answers 201 `{token, expires_at}`; send it as `Authorization: Bearer <token>`. Bad
    credentials are a 400, the same whether the email exists or not. With two-factor on, `otp` is
    needed: without it 400 `otp_required`, wrong 400 `otp_invalid` (an unused recovery code works once).
    Sign-in failures are limited per address and per client (429 with `Retry-After`). Each call makes a
    new token; a person holds a limited number of usable tokens (the oldest is revoked).

    Args:
        body (TokenInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Token
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
