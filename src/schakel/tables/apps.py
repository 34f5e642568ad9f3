from django.apps import AppConfig


class TablesConfig(AppConfig):
    name = "schakel.tables"
    label = "tables"
    verbose_name = "Multi-agency case tables"

    def ready(self) -> None:
        from schakel.privacy.retention import register_eraser
        from schakel.tables.erasure import erase_table_cases

        register_eraser(erase_table_cases)
