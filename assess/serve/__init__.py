"""The browser adapter: ``assess serve`` runs one ``assess open`` per browser tab."""
