from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.code_request import CodeRequest
from ...models.error import Error
from ...models.new_recovery_codes import NewRecoveryCodes
from typing import cast


def _get_kwargs(
    *,
    body: CodeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/me/two-factor/totp/confirm/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | NewRecoveryCodes | None:
    if response.status_code == 200:
        response_200 = NewRecoveryCodes.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | NewRecoveryCodes]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CodeRequest,
) -> Response[Error | NewRecoveryCodes]:
    """Confirm the authenticator app

     Body `{code}` from the app: turns two-factor on and answers the 10 single-use recovery codes (shown
    once). 400 `otp_invalid` for a wrong code; wrong codes count on the sign-in limit (429 with `Retry-
    After`).

    Args:
        body (CodeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NewRecoveryCodes]
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
    body: CodeRequest,
) -> Error | NewRecoveryCodes | None:
    """Confirm the authenticator app

     Body `{code}` from the app: turns two-factor on and answers the 10 single-use recovery codes (shown
    once). 400 `otp_invalid` for a wrong code; wrong codes count on the sign-in limit (429 with `Retry-
    After`).

    Args:
        body (CodeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NewRecoveryCodes
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CodeRequest,
) -> Response[Error | NewRecoveryCodes]:
    """Confirm the authenticator app

     Body `{code}` from the app: turns two-factor on and answers the 10 single-use recovery codes (shown
    once). 400 `otp_invalid` for a wrong code; wrong codes count on the sign-in limit (429 with `Retry-
    After`).

    Args:
        body (CodeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | NewRecoveryCodes]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CodeRequest,
) -> Error | NewRecoveryCodes | None:
    """Confirm the authenticator app

     Body `{code}` from the app: turns two-factor on and answers the 10 single-use recovery codes (shown
    once). 400 `otp_invalid` for a wrong code; wrong codes count on the sign-in limit (429 with `Retry-
    After`).

    Args:
        body (CodeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | NewRecoveryCodes
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
