"""Text checks (文稿检查、发布前检查): the inspector's privacy and wording checks run on a draft or
any document (txt, docx, pdf, html) instead of a crawled page, each problem with its character
offsets. Pure Python, no Django: ``zwgk text check`` and the web app's 发布前检查 are thin shells
over ``zwgk.text.check``."""
