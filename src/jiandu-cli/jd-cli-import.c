/* jd-cli-import.c — jiandu-cli import, imports and undo-import
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jiandu-cli"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jd-import.h"
#include "jd-table-reader.h"

#include "jiandu-cli.h"

/* A rejected row's reason, with what would let it in said as this
 * command's option. */
static char *
row_reason (const JdImportRowError *error)
{
  if (error->hint == JD_IMPORT_HINT_CREATE_AGENCIES)
    /* Translators: a rejected row's reason, then the option that would add the agency */
    return g_strdup_printf (_("%s (give --create-agencies to add it)"), error->reason);
  return g_strdup (error->reason);
}

/* A file's error, with the option that helps with it. */
static char *
file_error_message (const GError *error)
{
  if (g_error_matches (error, JD_TABLE_ERROR, JD_TABLE_ERROR_ENCODING))
    /* Translators: an encoding error, then the option that tells the encoding */
    return g_strdup_printf (_("%s — give the file’s encoding with --encoding utf-8 or --encoding gb18030"),
                            error->message);
  return g_strdup (error->message);
}

static void
add_result_json (JsonBuilder          *builder,
                 const JdImportResult *result)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, result->file);
  if (result->sheet != NULL)
    {
      json_builder_set_member_name (builder, "sheet");
      json_builder_add_string_value (builder, result->sheet);
    }
  json_builder_set_member_name (builder, "entity");
  json_builder_add_string_value (builder, result->entity);
  json_builder_set_member_name (builder, "import_id");
  if (result->import_id != 0)
    json_builder_add_int_value (builder, result->import_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "new");
  json_builder_add_int_value (builder, result->n_new);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, result->n_updated);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, result->n_unchanged);
  json_builder_set_member_name (builder, "duplicates");
  json_builder_add_int_value (builder, result->n_duplicates);
  json_builder_set_member_name (builder, "rejected");
  json_builder_add_int_value (builder, result->n_rejected);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->errors->len; i++)
    {
      const JdImportRowError *error = &g_array_index (result->errors, JdImportRowError, i);
      g_autofree char *reason = row_reason (error);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, error->row);
      json_builder_set_member_name (builder, "column");
      if (error->column != NULL)
        json_builder_add_string_value (builder, error->column);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "errors_not_listed");
  json_builder_add_int_value (builder, result->n_errors_dropped);
  json_builder_end_object (builder);
}

static void
print_result (const JdImportResult *result,
              gboolean              dry_run)
{
  /* The summary names the file and sheet, which come from outside. */
  g_autofree char *raw_summary = jd_import_result_summary (result);
  g_autofree char *summary = jd_cli_escape (raw_summary);

  g_print ("%s", summary);
  if (dry_run)
    g_print (" %s", _("(dry run: nothing was written)"));
  else if (result->import_id != 0)
    g_print (_(" (import %lld)"), (long long)result->import_id);
  g_print ("\n");

  for (guint i = 0; i < result->errors->len; i++)
    {
      const JdImportRowError *error = &g_array_index (result->errors, JdImportRowError, i);
      /* Reasons quote the cells, headers come from the file: shown escaped. */
      g_autofree char *raw_reason = row_reason (error);
      g_autofree char *reason = jd_cli_escape (raw_reason);
      g_autofree char *column = error->column != NULL ? jd_cli_escape (error->column) : NULL;

      if (column != NULL)
        /* Translators: a rejected row: row number, column header, reason */
        g_print (_("  row %u, column %s: %s\n"), error->row, column, reason);
      else
        g_print (_("  row %u: %s\n"), error->row, reason);
    }
  if (result->n_errors_dropped > 0)
    g_print (_("  … and %u more\n"), result->n_errors_dropped);
}

int
jd_cli_import (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *encoding = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean create_agencies = FALSE;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  gboolean failed = FALSE;
  JdImportOptions options = { 0 };
  JdCliProgress progress = { isatty (STDERR_FILENO), -1, _("Importing…") };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database to import into"), N_("FILE") },
    { "entity", 0, 0, G_OPTION_ARG_STRING, &entity, N_("What the files hold: cases, complaints, lawsuits, reconsiderations, reviews, leniency_items or agencies (default: told from the headers)"), N_("KIND") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("The encoding of CSV files: utf-8 or gb18030 (default: detected)"), N_("ENC") },
    { "create-agencies", 0, 0, G_OPTION_ARG_NONE, &create_agencies, N_("Add agencies and fields of enforcement the database does not know yet, instead of rejecting their rows"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and count everything, but write nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  if (!jd_cli_parse_options ("import", _("FILE…"),
                             _("Imports CSV, XLSX and XLS files. Each file is imported whole or not at all; rejected rows are listed."),
                             entries, &argc, &argv))
    return 2;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("jiandu-cli import: give at least one file to import\n"));
      return 2;
    }

  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  options.entity = entity;
  options.encoding = encoding;
  options.create_agencies = create_agencies;
  options.dry_run = dry_run;

  json_builder_begin_array (builder);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *display = g_filename_display_basename (files[i]);
      g_autofree char *message = NULL;

      progress.last_percent = -1;
      results = jd_import_file (store, files[i], &options, jd_cli_progress_cb, &progress, NULL, &error);
      if (progress.on_terminal)
        g_printerr ("\r\033[K");

      if (results == NULL)
        {
          failed = TRUE;
          message = file_error_message (error);
          if (json)
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "file");
              json_builder_add_string_value (builder, display);
              json_builder_set_member_name (builder, "error");
              json_builder_add_string_value (builder, message);
              json_builder_end_object (builder);
            }
          else
            {
              g_autofree char *escaped = jd_cli_escape (message);

              g_printerr ("jiandu-cli import: %s\n", escaped);
            }
          continue;
        }

      for (guint r = 0; r < results->len; r++)
        {
          const JdImportResult *result = results->pdata[r];

          if (result->n_rejected > 0)
            failed = TRUE;
          if (json)
            add_result_json (builder, result);
          else
            print_result (result, dry_run);
        }
    }

  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }

  return failed ? 1 : 0;
}

int
jd_cli_imports (int    argc,
                char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options ("imports", NULL, _("Lists the imports into a database, the latest first."),
                             entries, &argc, &argv))
    return 2;

  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  records = jd_import_list (store, &error);
  if (records == NULL)
    {
      g_printerr ("jiandu-cli imports: %s\n", error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < records->len; i++)
        {
          const JdImportRecord *record = records->pdata[i];
          const struct { const char *name; const char *value; } strings[] = {
            { "file", record->file_name }, { "sha256", record->sha256 }, { "entity", record->entity },
            { "sheet", record->sheet }, { "started_at", record->started_at },
            { "finished_at", record->finished_at }, { "undone_at", record->undone_at },
          };

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, record->id);
          for (guint s = 0; s < G_N_ELEMENTS (strings); s++)
            {
              json_builder_set_member_name (builder, strings[s].name);
              if (strings[s].value != NULL)
                json_builder_add_string_value (builder, strings[s].value);
              else
                json_builder_add_null_value (builder);
            }
          json_builder_set_member_name (builder, "new");
          json_builder_add_int_value (builder, record->n_new);
          json_builder_set_member_name (builder, "updated");
          json_builder_add_int_value (builder, record->n_updated);
          json_builder_set_member_name (builder, "unchanged");
          json_builder_add_int_value (builder, record->n_unchanged);
          json_builder_set_member_name (builder, "rejected");
          json_builder_add_int_value (builder, record->n_rejected);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
      return 0;
    }

  if (records->len == 0)
    {
      g_print ("%s\n", _("No imports yet."));
      return 0;
    }

  for (guint i = 0; i < records->len; i++)
    {
      const JdImportRecord *record = records->pdata[i];
      g_autofree char *raw_where = record->sheet != NULL ? g_strdup_printf ("%s [%s]", record->file_name, record->sheet)
                                                         : g_strdup (record->file_name);
      g_autofree char *where = jd_cli_escape (raw_where);

      g_print ("%4" G_GINT64_FORMAT "  %s  %-16s %s\n", record->id, record->started_at, record->entity, where);
      g_print ("      ");
      g_print (_("%u new, %u updated, %u unchanged, %u rejected"),
               record->n_new, record->n_updated, record->n_unchanged, record->n_rejected);
      if (record->undone_at != NULL)
        g_print (_(" — undone %s"), record->undone_at);
      g_print ("\n");
    }

  return 0;
}

int
jd_cli_undo_import (int    argc,
                    char **argv)
{
  g_autofree char *db_path = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  char *end = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("FILE") },
    { NULL }
  };

  if (!jd_cli_parse_options ("undo-import", _("ID"),
                             _("Removes exactly what an import added, and restores what it updated."),
                             entries, &argc, &argv))
    return 2;

  if (argc != 2 || (id = g_ascii_strtoll (argv[1], &end, 10)) <= 0 || *end != '\0')
    {
      g_printerr (_("jiandu-cli undo-import: give the id of one import (see “jiandu-cli imports”)\n"));
      return 2;
    }

  if ((store = jd_cli_open_store (db_path)) == NULL)
    return 1;

  if (!jd_import_undo (store, id, &error))
    {
      g_printerr ("jiandu-cli undo-import: %s\n", error->message);
      return 1;
    }

  g_print (_("Import %lld undone\n"), (long long)id);
  return 0;
}
