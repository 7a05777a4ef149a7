-- reserved: filled in by the work of issue 11
SELECT 1;
