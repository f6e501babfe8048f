-- The list of groups with their members, which most forms and filters show, is kept per process and kind
-- of reader (modules/partners/groups.service.ts). A change to groups, memberships or partners (whose
-- names and classification the members show) announces the `groups` topic on `figure_changes`.
CREATE TRIGGER groups_group_list_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON groups FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('groups');
--> statement-breakpoint
CREATE TRIGGER group_members_group_list_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_members FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('groups');
--> statement-breakpoint
CREATE TRIGGER partners_group_list_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partners FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('groups');
--> statement-breakpoint
-- Theaters and branches, in most filters and forms, are kept per process too (topic `reference`).
CREATE TRIGGER theaters_reference_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON theaters FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('reference');
--> statement-breakpoint
CREATE TRIGGER branches_reference_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON branches FOR EACH STATEMENT EXECUTE FUNCTION notify_figure_change('reference');
