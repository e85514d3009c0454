# Exception raised while executing a class body.
class Settings:
    name = "app"
    size = len(name) + undefined_setting_value
