"""Workshop kits: printable documents (HTML with print CSS, and PDF) built from kit/*.yaml and the Catalog."""
