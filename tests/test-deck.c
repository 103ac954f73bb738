/* test-deck.c — the meeting's deck: its default shape, the analyst's changes, kept per period
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "jd-cockpit.h"
#include "jd-deck.h"
#include "jd-demo.h"
#include "jd-format.h"
#include "jd-store.h"
#include "jd-test-util.h"

static char *test_dir;

static JdStore *
open_store (const char *name)
{
  g_autofree char *path = g_build_filename (test_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  JdStore *store = jd_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* The kinds of the deck's slides, as "title,overview,…" ("-" before a hidden one). */
static char *
deck_kinds (const JdDeck *deck)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < jd_deck_get_n_slides (deck); i++)
    {
      const JdSlide *slide = jd_deck_get_slide (deck, i);

      if (i > 0)
        g_string_append_c (out, ',');
      if (slide->hidden)
        g_string_append_c (out, '-');
      g_string_append (out, jd_slide_kind_to_string (slide->kind));
    }

  return g_string_free (out, FALSE);
}

static void
test_default (void)
{
  JdPeriod month = { JD_PERIOD_MONTH, 2026, 10, 0 };
  JdPeriod quarter = { JD_PERIOD_QUARTER, 2026, 3, 0 };
  g_autoptr(JdDeck) monthly = jd_deck_new_default (&month);
  g_autoptr(JdDeck) quarterly = jd_deck_new_default (&quarter);
  g_autofree char *monthly_kinds = deck_kinds (monthly);
  g_autofree char *quarterly_kinds = deck_kinds (quarterly);

  g_assert_cmpstr (monthly_kinds, ==, "title,overview,cases,complaints,lawsuits,leniency,ranking,warnings");
  g_assert_cmpstr (quarterly_kinds, ==,
                   "title,overview,cases,complaints,lawsuits,leniency,reviews,ranking,warnings");
  g_assert_true (jd_deck_is_default (monthly));

  for (guint kind = 0; kind < JD_N_SLIDE_KINDS; kind++)
    {
      JdSlideKind back = JD_N_SLIDE_KINDS;

      g_assert_true (jd_slide_kind_from_string (jd_slide_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_nonnull (jd_slide_kind_label (kind));
    }
  g_assert_false (jd_slide_kind_from_string ("chart", &(JdSlideKind) { 0 }));
}

static void
test_shape (void)
{
  JdPeriod month = { JD_PERIOD_MONTH, 2026, 10, 0 };
  g_autoptr(JdDeck) deck = jd_deck_new_default (&month);
  g_autoptr(JdDeck) copy = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *copy_kinds = NULL;

  /* The warnings first, the leniency slide hidden, an agenda after the
   * title and an agency at the end. */
  jd_deck_move (deck, 7, 1);
  jd_deck_set_hidden (deck, 6, TRUE);
  jd_deck_insert_text (deck, 1, "会议议程", "一、通报情况\n二、单位发言");
  jd_deck_insert_agency (deck, jd_deck_get_n_slides (deck), "SCJGJ");
  g_assert_false (jd_deck_is_default (deck));

  kinds = deck_kinds (deck);
  g_assert_cmpstr (kinds, ==, "title,text,warnings,overview,cases,complaints,lawsuits,-leniency,ranking,agency");
  g_assert_cmpstr (jd_deck_get_slide (deck, 1)->body, ==, "一、通报情况\n二、单位发言");
  g_assert_cmpstr (jd_deck_get_slide (deck, 9)->agency, ==, "SCJGJ");

  /* A copy is a deck of its own. */
  copy = jd_deck_copy (deck);
  jd_deck_set_text (deck, 1, "议程", "");
  g_assert_cmpstr (jd_deck_get_slide (copy, 1)->title, ==, "会议议程");

  /* The figures' slides are hidden, not removed; the analyst's go. */
  g_assert_false (jd_deck_remove (deck, 0));
  g_assert_true (jd_deck_remove (deck, 9));
  g_assert_true (jd_deck_remove (deck, 1));
  g_clear_pointer (&kinds, g_free);
  kinds = deck_kinds (deck);
  g_assert_cmpstr (kinds, ==, "title,warnings,overview,cases,complaints,lawsuits,-leniency,ranking");

  copy_kinds = deck_kinds (copy);
  g_assert_cmpstr (copy_kinds, ==, "title,text,warnings,overview,cases,complaints,lawsuits,-leniency,ranking,agency");
}

/* A deck is saved for its period only, survives reopening, and is
 * forgotten back to the default. */
static void
test_saved (void)
{
  JdPeriod october = { JD_PERIOD_MONTH, 2026, 10, 0 };
  JdPeriod september = { JD_PERIOD_MONTH, 2026, 9, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDeck) deck = NULL;
  g_autoptr(JdDeck) loaded = NULL;
  g_autoptr(JdDeck) other = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *loaded_kinds = NULL;
  g_autofree char *other_kinds = NULL;
  g_autofree char *default_kinds = NULL;
  JdStore *store = open_store ("saved.db");

  deck = jd_deck_load (store, &october, &error);
  g_assert_no_error (error);
  g_assert_true (jd_deck_is_default (deck));

  jd_deck_set_hidden (deck, 2, TRUE);
  jd_deck_insert_text (deck, 8, "会议结论", "请各单位于11月10日前报送整改情况。");
  jd_deck_move (deck, 8, 1);
  g_assert_true (jd_deck_save (store, &october, deck, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  store = open_store ("saved.db");
  loaded = jd_deck_load (store, &october, &error);
  g_assert_no_error (error);
  kinds = deck_kinds (deck);
  loaded_kinds = deck_kinds (loaded);
  g_assert_cmpstr (loaded_kinds, ==, kinds);
  g_assert_false (jd_deck_is_default (loaded));
  g_assert_cmpstr (jd_deck_get_slide (loaded, 1)->title, ==, "会议结论");
  g_assert_cmpstr (jd_deck_get_slide (loaded, 1)->body, ==, "请各单位于11月10日前报送整改情况。");

  other = jd_deck_load (store, &september, &error);
  g_assert_no_error (error);
  g_assert_true (jd_deck_is_default (other));

  /* Saving a shorter deck leaves none of the longer one behind. */
  jd_deck_remove (loaded, 1);
  g_assert_true (jd_deck_save (store, &october, loaded, &error));
  g_clear_pointer (&other, jd_deck_free);
  other = jd_deck_load (store, &october, &error);
  g_assert_cmpuint (jd_deck_get_n_slides (other), ==, 8);

  g_assert_true (jd_deck_forget (store, &october, &error));
  g_assert_no_error (error);
  g_clear_pointer (&other, jd_deck_free);
  other = jd_deck_load (store, &october, &error);
  other_kinds = deck_kinds (other);
  g_clear_pointer (&deck, jd_deck_free);
  deck = jd_deck_new_default (&october);
  default_kinds = deck_kinds (deck);
  g_assert_cmpstr (other_kinds, ==, default_kinds);
  g_assert_true (jd_deck_is_default (other));

  g_object_unref (store);
}

/* Runs jiandu-cli; returns its standard output. */
static char *
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *)g_getenv ("JIANDU_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, tool[3] == 't' ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static JdStore *
demo_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  JdStore *store = open_store (name);

  g_assert_true (jd_demo_generate (store, 3, 4000, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* Headings of the deck's document, one a slide that has one. */
static guint
count_headings (JdDoc      *doc,
                const char *text)
{
  guint n = 0;

  for (guint i = 0; i < jd_doc_get_n_blocks (doc); i++)
    {
      JdBlock *block = jd_doc_get_block (doc, i);

      if (jd_block_get_kind (block) == JD_BLOCK_HEADING && g_strcmp0 (jd_block_get_text (block), text) == 0)
        n++;
    }

  return n;
}

/* One 16:9 page a shown slide: a hidden slide is neither laid out nor
 * written; the analyst's text slide is. */
static void
test_build (void)
{
  JdPeriod month = { JD_PERIOD_MONTH, 2026, 9, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = demo_store ("build.db");
  g_autoptr(JdDeck) deck = jd_deck_new_default (&month);
  g_autoptr(JdDoc) doc = NULL;
  g_autoptr(JdDocLayout) layout = NULL;
  g_autoptr(JdFilterChoices) choices = NULL;
  const JdFilterChoice *agency;
  const JdPageGeometry *geometry;

  doc = jd_deck_build (store, &month, NULL, deck, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  geometry = jd_doc_get_geometry (doc);
  g_assert_cmpfloat_with_epsilon (geometry->width / geometry->height, 16.0 / 9.0, 1e-9);
  layout = jd_doc_layout_new (doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_doc_layout_get_n_pages (layout), ==, jd_deck_get_n_slides (deck));
  g_assert_cmpuint (count_headings (doc, "Leniency Lists"), ==, 1);
  g_clear_pointer (&layout, jd_doc_layout_free);
  g_clear_pointer (&doc, jd_doc_unref);

  jd_deck_set_hidden (deck, 5, TRUE);   /* the leniency lists */
  jd_deck_insert_text (deck, 1, "Agenda", "Figures of the month\nAgencies report");
  doc = jd_deck_build (store, &month, NULL, deck, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  layout = jd_doc_layout_new (doc, NULL, &error);
  g_assert_cmpuint (jd_doc_layout_get_n_pages (layout), ==, jd_deck_get_n_slides (deck) - 1);
  g_assert_cmpuint (count_headings (doc, "Leniency Lists"), ==, 0);
  g_assert_cmpuint (count_headings (doc, "Agenda"), ==, 1);
  g_clear_pointer (&layout, jd_doc_layout_free);
  g_clear_pointer (&doc, jd_doc_unref);

  /* An agency's profile is a slide of its own, titled with its name:
   * every agency's fits its slide. */
  choices = jd_filter_choices_load (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < choices->agencies->len; i++)
    jd_deck_insert_agency (deck, jd_deck_get_n_slides (deck),
                           ((JdFilterChoice *)choices->agencies->pdata[i])->code);
  agency = choices->agencies->pdata[0];
  doc = jd_deck_build (store, &month, NULL, deck, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  layout = jd_doc_layout_new (doc, NULL, &error);
  g_assert_cmpuint (jd_doc_layout_get_n_pages (layout), ==, jd_deck_get_n_slides (deck) - 1);
  g_assert_cmpuint (count_headings (doc, agency->name), ==, 1);
}

/* jiandu-cli slides writes the saved deck: 16:9 pages, a hidden slide
 * left out, and the figures jiandu-cli metrics gives. */
static void
test_cli_pdf (void)
{
  JdPeriod month = { JD_PERIOD_MONTH, 2026, 9, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = demo_store ("cli.db");
  g_autoptr(JdDeck) deck = jd_deck_new_default (&month);
  g_autofree char *db = g_build_filename (test_dir, "cli.db", NULL);
  g_autofree char *pdf = g_build_filename (test_dir, "deck.pdf", NULL);
  g_autofree char *json = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *received = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  const char *metrics_args[] = { "metrics", "--db", db, "--period", "2026-09", "--json", NULL };
  const char *slides_args[] = { "slides", "--db", db, "--period", "2026-09", "--out", pdf, NULL };

  jd_deck_set_hidden (deck, 3, TRUE);   /* the complaints */
  g_assert_true (jd_deck_save (store, &month, deck, &error));
  g_clear_object (&store);

  g_free (run_cli (slides_args));
  info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "Page size:       960 x 540 pts"));
  g_assert_nonnull (strstr (info, "Pages:           7\n"));

  json = run_cli (metrics_args);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  decided = jd_format_count (json_object_get_int_member (json_object_get_object_member (root, "cases"), "decided"));
  received = jd_format_count (json_object_get_int_member (json_object_get_object_member (root, "complaints"),
                                                         "received"));

  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, decided));
  g_assert_nonnull (strstr (text, "Enforcement Cases"));
  /* The complaints' slide is hidden: its title is not in the deck. */
  g_assert_null (strstr (text, "Complaints and Reports"));
  g_assert_nonnull (strstr (text, received));
}

/* jiandu-cli slides refuses what it cannot write, saying why, and
 * leaves no file behind. */
static void
test_cli_refuses (void)
{
  g_autoptr(JdStore) store = demo_store ("refuse.db");
  g_autofree char *db = g_build_filename (test_dir, "refuse.db", NULL);
  g_autofree char *txt = g_build_filename (test_dir, "deck.txt", NULL);
  g_autofree char *missing = g_build_filename (test_dir, "no-such-folder", "deck.pdf", NULL);
  struct {
    const char *out;
    int         status;
    const char *says;
  } cases[] = {
    { txt, 2, "--out FILE.pdf is required" },
    { missing, 1, "Could not write the PDF" },
  };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { g_getenv ("JIANDU_CLI"), "slides", "--db", db, "--period", "2026-09",
                             "--out", cases[i].out, NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, cases[i].status);
      g_assert_nonnull (strstr (err, cases[i].says));
      g_assert_false (g_file_test (cases[i].out, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("jiandu-test-deck-XXXXXX", NULL);

  g_test_add_func ("/deck/default", test_default);
  g_test_add_func ("/deck/shape", test_shape);
  g_test_add_func ("/deck/saved", test_saved);
  g_test_add_func ("/deck/build", test_build);
  g_test_add_func ("/deck/cli-pdf", test_cli_pdf);
  g_test_add_func ("/deck/cli-refuses", test_cli_refuses);

  status = g_test_run ();
  jd_test_remove_dir (test_dir);
  g_free (test_dir);
  return status;
}
