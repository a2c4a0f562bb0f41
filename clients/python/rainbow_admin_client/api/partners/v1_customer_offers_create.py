from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.customer_offer import CustomerOffer
from ...models.customer_offer_input_request import CustomerOfferInputRequest
from ...models.error import Error
from typing import cast


def _get_kwargs(
    *,
    body: CustomerOfferInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/customer-offers/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerOffer | Error | None:
    if response.status_code == 201:
        response_201 = CustomerOffer.from_dict(response.json())

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
) -> Response[CustomerOffer | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CustomerOfferInputRequest,
) -> Response[CustomerOffer | Error]:
    """Offer to manage a company

     A reseller's admins, by the email of one of the company's admins: an existing customer's admins get
    a request to accept or decline; an address without an account gets a sign-up link. The answer is the
    same either way (it never tells whether the address has an account). `scopes_until` makes the scopes
    time-bound. Limited per reseller, per hour and per day (429 with `Retry-After`).

    Args:
        body (CustomerOfferInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerOffer | Error]
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
    body: CustomerOfferInputRequest,
) -> CustomerOffer | Error | None:
    """Offer to manage a company

     A reseller's admins, by the email of one of the company's admins: an existing customer's admins get
    a request to accept or decline; an address without an account gets a sign-up link. The answer is the
    same either way (it never tells whether the address has an account). `scopes_until` makes the scopes
    time-bound. Limited per reseller, per hour and per day (429 with `Retry-After`).

    Args:
        body (CustomerOfferInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerOffer | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CustomerOfferInputRequest,
) -> Response[CustomerOffer | Error]:
    """Offer to manage a company

     A reseller's admins, by the email of one of the company's admins: an existing customer's admins get
    a request to accept or decline; an address without an account gets a sign-up link. The answer is the
    same either way (it never tells whether the address has an account). `scopes_until` makes the scopes
    time-bound. Limited per reseller, per hour and per day (429 with `Retry-After`).

    Args:
        body (CustomerOfferInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerOffer | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CustomerOfferInputRequest,
) -> CustomerOffer | Error | None:
    """Offer to manage a company

     A reseller's admins, by the email of one of the company's admins: an existing customer's admins get
    a request to accept or decline; an address without an account gets a sign-up link. The answer is the
    same either way (it never tells whether the address has an account). `scopes_until` makes the scopes
    time-bound. Limited per reseller, per hour and per day (429 with `Retry-After`).

    Args:
        body (CustomerOfferInputRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerOffer | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
