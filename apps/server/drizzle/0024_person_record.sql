-- The member record the 全国党员管理信息系统 carries (issue 14): 籍贯, 工作岗位, 党籍状态, 入党介绍人,
-- 组织关系转入日期 and the dates of the stages before admission. For a person who went through the
-- pipeline in Qizhi the stage dates and the sponsors are read from development_steps (steps 1, 3, 7
-- and 9); these columns hold them for everyone else (imported from the national system's files).
ALTER TABLE "people" ADD COLUMN "native_place" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "work_post" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "party_standing" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "sponsors" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "transferred_in_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "applied_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "activist_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "candidate_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_work_post_check" CHECK ("work_post" IS NULL OR "work_post" IN ('civil_servant', 'manager', 'professional', 'worker', 'farmer', 'student', 'other', 'retired'));--> statement-breakpoint
-- 党籍状态: null reads as 正常 for a member; 停止党籍 is recorded explicitly.
ALTER TABLE "people" ADD CONSTRAINT "people_party_standing_check" CHECK ("party_standing" IS NULL OR "party_standing" IN ('normal', 'stopped'));
