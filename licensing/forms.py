from django import forms
from django.utils.translation import gettext_lazy as _

from licensing import selectors
from licensing.models import Subscription
from licensing.services import MAX_QUANTITY


class SubscriptionForm(forms.Form):
    offer = forms.ChoiceField(label=_("Offer"))
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=MAX_QUANTITY)
    billing = forms.ChoiceField(
        label=_("Billing"),
        choices=Subscription.Billing.choices,
        initial=Subscription.Billing.MONTHLY,
        help_text=_("Monthly plans may go down later; annual plans can only grow."),
    )
    purchase_order = forms.CharField(label=_("Purchase order"), max_length=64, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offer"].choices = [
            (offer.code, offer.name) for offer in selectors.offers_list()
        ]


class QuantityForm(forms.Form):
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=MAX_QUANTITY)
