from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "schakel.exchange"
    label = "exchange"
