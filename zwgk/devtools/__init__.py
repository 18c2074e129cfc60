"""Developer tools: the generated test world of the website inspector (``demo-site``)."""
