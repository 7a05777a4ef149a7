-- Reserved for issue work in progress; replaced by the real migration.
SELECT 1;
