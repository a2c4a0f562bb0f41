"""Pages of telephony, shared by both sides: the company's Telephony section (``/telephony/``)
and the partner's workspace for a customer (``/customers/<id>/telephony/``). The same views
serve both; the acting user differs and ``telephony.access`` decides."""
