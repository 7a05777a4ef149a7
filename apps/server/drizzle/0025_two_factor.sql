-- reserved for a helper; replaced by the real migration
SELECT 1;
