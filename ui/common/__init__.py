"""What every feature of the Qt layer uses: texts, colours, theme, settings, task runner, form parts."""  # noqa: E501
