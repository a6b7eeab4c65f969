"""What the tests share besides fixtures: paths, warehouse queries, bad-input generators."""
