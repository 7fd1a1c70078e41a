"""Line up two reports of one authority and summarise what changed."""

__all__: list[str] = []
