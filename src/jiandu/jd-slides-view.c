/* jd-slides-view.c — the joint meeting's deck in the window: shape it, preview it, present it
 *
 * SPDX-FileCopyrightText: 2026 The Jiandu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is the deck of the session's period, as jd_deck_load() reads
 * it; each change the analyst makes is applied to that deck on the UI
 * thread, saved whole in a worker and drawn again in another.  Saves run
 * one at a time, in the order they were made: a save asked for while one
 * runs waits, and only the newest waiting one is kept (each replaces the
 * whole deck).  Builds are the other way round: a new one cancels the
 * one running, whose pages nobody will look at.
 */

#define G_LOG_DOMAIN "jd-slides-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "jd-cockpit-tables.h"
#include "jd-report-output.h"
#include "jd-report-preview.h"
#include "jd-slide-row.h"
#include "jd-slides-actions.h"
#include "jd-slides-jobs.h"
#include "jd-slides-view.h"
#include "jd-slides-view-private.h"


G_DEFINE_FINAL_TYPE (JdSlidesView, jd_slides_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (JdSlidesView *self);

static JdSlidesJob *
job_new (JdSlidesView *self)
{
  return jd_slides_job_new (jd_session_get_store (self->session), &self->period,
                            jd_session_get_filter (self->session), self->deck);
}

void
_jd_slides_view_notify_busy (JdSlidesView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_jd_slides_view_show_toast (JdSlidesView *self,
            const char   *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The row's name of a slide: the analyst's title, the agency, the kind. */
char *
_jd_slides_view_slide_title (JdSlidesView  *self,
             const JdSlide *slide)
{
  const JdFilterChoices *choices = jd_session_get_filter_choices (self->session);

  if (slide->kind == JD_SLIDE_TEXT && slide->title != NULL && slide->title[0] != '\0')
    return g_strdup (slide->title);
  if (slide->kind == JD_SLIDE_TEXT)
    return g_strdup (_("Untitled Text Slide"));
  if (slide->kind == JD_SLIDE_AGENCY)
    return g_strdup (jd_filter_choices_label (choices, JD_DIMENSION_AGENCY, slide->agency));

  return g_strdup (jd_slide_kind_label (slide->kind));
}

static guint
count_shown (const JdDeck *deck)
{
  guint n = 0;

  for (guint i = 0; i < jd_deck_get_n_slides (deck); i++)
    n += !jd_deck_get_slide (deck, i)->hidden;

  return n;
}

static void
update_status (JdSlidesView *self)
{
  g_autofree char *text = NULL;
  guint shown;

  if (self->deck == NULL)
    return;

  shown = count_shown (self->deck);
  if (self->build_task != NULL)
    text = g_strdup (_("Drawing the slides…"));
  else
    /* Translators: the slides view's toolbar: how many of the deck's
     * slides the meeting will see; zh_CN: "展示 %1$u 页，共 %2$u 页" */
    text = g_strdup_printf (ngettext ("%1$u of %2$u slide shown", "%1$u of %2$u slides shown",
                                      jd_deck_get_n_slides (self->deck)),
                            shown, jd_deck_get_n_slides (self->deck));
  gtk_label_set_text (self->status_label, text);
}

void
_jd_slides_view_update_actions (JdSlidesView *self)
{
  gboolean has_deck = self->deck != NULL;
  gboolean has_doc = self->doc != NULL && self->build_task == NULL &&
                     jd_report_preview_get_n_pages (self->preview) > 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "slides.show", has_deck);
  gtk_widget_action_set_enabled (widget, "slides.move", has_deck);
  gtk_widget_action_set_enabled (widget, "slides.move-focused", has_deck);
  gtk_widget_action_set_enabled (widget, "slides.edit", has_deck);
  gtk_widget_action_set_enabled (widget, "slides.remove", has_deck);
  gtk_widget_action_set_enabled (widget, "slides.add-text", has_deck);
  gtk_widget_action_set_enabled (widget, "slides.add-agency",
                                 has_deck && jd_session_get_filter_choices (self->session) != NULL);
  gtk_widget_action_set_enabled (widget, "slides.reset", has_deck && !jd_deck_is_default (self->deck));
  gtk_widget_action_set_enabled (widget, "slides.undo", has_deck && self->undo_deck != NULL);
  gtk_widget_action_set_enabled (widget, "slides.export", has_doc);
  gtk_widget_action_set_enabled (widget, "slides.present", has_doc);
  update_status (self);
}

void
_jd_slides_view_rebuild_list (JdSlidesView *self)
{
  GtkWidget *child;
  guint n;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (self->deck == NULL)
    return;

  n = jd_deck_get_n_slides (self->deck);
  for (guint i = 0; i < n; i++)
    {
      const JdSlide *slide = jd_deck_get_slide (self->deck, i);
      g_autofree char *title = _jd_slides_view_slide_title (self, slide);
      GtkWidget *row = jd_slide_row_new (i, n, slide, title);

      gtk_list_box_append (self->list_box, row);
      if ((int)i == self->focus_index)
        gtk_widget_grab_focus (row);
    }
  self->focus_index = -1;
}

/* Building */

static void
stop_progress (JdSlidesView *self)
{
  if (self->exporting > 0)
    return;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
}

static gboolean
on_progress_tick_cb (gpointer user_data)
{
  JdSlidesView *self = user_data;
  int permille;

  if (self->build_task != NULL)
    permille = g_atomic_int_get (&((JdSlidesJob *)g_task_get_task_data (self->build_task))->permille);
  else if (self->exporting > 0)
    permille = g_atomic_int_get (&self->permille);
  else
    {
      self->progress_id = 0;
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      return G_SOURCE_REMOVE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
set_pages (JdSlidesView *self,
           JdSlidesBuilt *built)
{
  g_clear_pointer (&self->doc, jd_doc_unref);
  if (self->preview != NULL)
    jd_report_preview_set_layout (self->preview, built != NULL ? g_steal_pointer (&built->layout) : NULL);
  if (built != NULL)
    self->doc = g_steal_pointer (&built->doc);
}

static void
on_built_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JdSlidesView *self = JD_SLIDES_VIEW (object);
  g_autoptr(JdSlidesBuilt) built = NULL;
  g_autoptr(GError) error = NULL;

  built = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer build took this one's place: its pages are out of date. */
  if (G_TASK (result) != self->build_task)
    return;

  g_clear_object (&self->build_task);
  stop_progress (self);
  if (built == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not draw the slides: %s"), error->message);

      set_pages (self, NULL);
      _jd_slides_view_show_toast (self, text);
    }
  else
    set_pages (self, built);

  _jd_slides_view_update_actions (self);
  _jd_slides_view_notify_busy (self);
}

static void
build (JdSlidesView *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->build_task);
  if (self->deck == NULL)
    return;

  self->build_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->build_cancellable, on_built_cb, NULL);
  g_task_set_source_tag (task, build);
  g_task_set_task_data (task, job_new (self), (GDestroyNotify)jd_slides_job_free);
  g_task_run_in_thread (task, jd_slides_build_thread);
  self->build_task = g_steal_pointer (&task);

  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (100, on_progress_tick_cb, self);
  _jd_slides_view_update_actions (self);
  _jd_slides_view_notify_busy (self);
}

/* Saving */

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JdSlidesView *self = JD_SLIDES_VIEW (object);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->save_task);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the slides: %s"), error->message);

      _jd_slides_view_show_toast (self, text);
    }

  if (self->save_waiting)
    {
      g_autoptr(JdDeck) deck = g_steal_pointer (&self->waiting_deck);

      self->save_waiting = FALSE;
      _jd_slides_view_start_save (self, &self->waiting_period, deck);
    }
  else if (self->reload_after_save)
    {
      self->reload_after_save = FALSE;
      reload (self);
    }

  _jd_slides_view_notify_busy (self);
}

/* @deck: (nullable): the deck to keep for @period; %NULL to forget it */
void
_jd_slides_view_start_save (JdSlidesView   *self,
            const JdPeriod *period,
            const JdDeck   *deck)
{
  g_autoptr(GTask) task = NULL;
  JdSlidesJob *job;

  if (self->save_task != NULL)
    {
      g_clear_pointer (&self->waiting_deck, jd_deck_free);
      self->waiting_deck = deck != NULL ? jd_deck_copy (deck) : NULL;
      self->waiting_period = *period;
      self->save_waiting = TRUE;
      return;
    }

  job = jd_slides_job_new (jd_session_get_store (self->session), period, NULL, deck);

  task = g_task_new (self, NULL, on_saved_cb, NULL);
  g_task_set_source_tag (task, _jd_slides_view_start_save);
  g_task_set_task_data (task, job, (GDestroyNotify)jd_slides_job_free);
  g_task_run_in_thread (task, jd_slides_save_thread);
  self->save_task = g_steal_pointer (&task);
  _jd_slides_view_notify_busy (self);
}

static gboolean
on_rebuild_cb (gpointer user_data)
{
  JdSlidesView *self = user_data;

  self->rebuild_id = 0;
  _jd_slides_view_rebuild_list (self);
  return G_SOURCE_REMOVE;
}

/* Every change: the list shows it, the database keeps it, the preview
 * draws it.  The list is rebuilt once the row's switch or button that
 * made the change is done with its signal: not under its feet. */
void
_jd_slides_view_deck_changed (JdSlidesView *self,
              int           focus_index)
{
  self->focus_index = focus_index;
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_rebuild_cb, self, NULL);
  _jd_slides_view_start_save (self, &self->period, self->deck);
  build (self);
}

/* Loading */

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  JdSlidesView *self = user_data;
  g_autoptr(JdSlidesLoaded) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }

  self->loading = FALSE;
  gtk_spinner_stop (self->load_spinner);
  g_clear_object (&self->load_cancellable);
  if (loaded == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->state_stack, "error");
    }
  else
    {
      if (loaded->choices != NULL && jd_session_get_filter_choices (self->session) == NULL)
        jd_session_set_filter_choices (self->session, g_steal_pointer (&loaded->choices));
      g_clear_pointer (&self->deck, jd_deck_free);
      self->deck = g_steal_pointer (&loaded->deck);
      _jd_slides_view_rebuild_list (self);
      gtk_stack_set_visible_child_name (self->state_stack, "deck");
      build (self);
    }

  _jd_slides_view_update_actions (self);
  _jd_slides_view_notify_busy (self);
  g_object_unref (self);
}

/* Reads the deck of the session's period again, and draws it. */
static void
reload (JdSlidesView *self)
{
  g_autoptr(GTask) task = NULL;
  JdPeriod period;
  JdSlidesJob *job;

  self->stale = FALSE;
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->loading = FALSE;

  if (self->session == NULL || !jd_session_is_ready (self->session) ||
      !jd_session_get_period (self->session, &period))
    {
      g_clear_pointer (&self->deck, jd_deck_free);
      g_clear_pointer (&self->undo_deck, jd_deck_free);
      build (self);
      set_pages (self, NULL);
      stop_progress (self);
      _jd_slides_view_rebuild_list (self);
      gtk_stack_set_visible_child_name (self->state_stack, "empty");
      _jd_slides_view_update_actions (self);
      _jd_slides_view_notify_busy (self);
      return;
    }

  /* The deck being saved is read once it is written, not before. */
  if (self->save_task != NULL)
    {
      self->reload_after_save = TRUE;
      return;
    }

  if (self->deck == NULL || !jd_period_equal (&period, &self->period))
    {
      g_clear_pointer (&self->deck, jd_deck_free);
      g_clear_pointer (&self->undo_deck, jd_deck_free);
      gtk_spinner_start (self->load_spinner);
      gtk_stack_set_visible_child_name (self->state_stack, "loading");
    }
  self->period = period;
  self->loading = TRUE;
  self->load_cancellable = g_cancellable_new ();

  job = job_new (self);
  job->choices = jd_session_get_filter_choices (self->session) == NULL;
  task = g_task_new (NULL, self->load_cancellable, on_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, job, (GDestroyNotify)jd_slides_job_free);
  g_task_run_in_thread (task, jd_slides_load_thread);
  _jd_slides_view_update_actions (self);
  _jd_slides_view_notify_busy (self);
}

static void
on_session_changed_cb (JdSlidesView    *self,
                       JdSessionChange  what,
                       JdSession       *session)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  /* The deck is the period's; the filter only changes what it shows. */
  if (what == JD_SESSION_CHANGED_FILTER && self->deck != NULL)
    build (self);
  else
    reload (self);
}

/* Narrow, the list and the preview take turns, chosen in the toolbar. */
static gboolean
update_fold_cb (gpointer user_data)
{
  JdSlidesView *self = user_data;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  gtk_widget_set_visible (self->switcher, folded);
  /* At 360 px the toolbar holds the switcher and two buttons: their icons
   * then, with the labels in their tooltips. */
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), !folded);
  adw_button_content_set_label (self->export_content, folded ? "" : _("_Export PDF…"));
  adw_button_content_set_label (self->present_content, folded ? "" : _("_Present"));
  gtk_toggle_button_set_active (visible == self->preview_side ? self->preview_toggle : self->list_toggle, TRUE);
  self->fold_id = 0;
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it allocates itself: the toolbar changes after. */
static void
on_folded_cb (JdSlidesView *self)
{
  if (self->fold_id == 0)
    self->fold_id = g_idle_add (update_fold_cb, self);
}

static void
on_toggle_cb (JdSlidesView    *self,
              GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  adw_leaflet_set_visible_child (self->leaflet, button == self->preview_toggle ? self->preview_side
                                                                                : self->list_side);
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  JdSlidesView *self = JD_SLIDES_VIEW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  self->exporting--;
  if (jd_report_write_finish (result, &error))
    text = g_strdup_printf (_("Saved “%s”"), name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup (_("Export cancelled"));

  if (self->state_stack == NULL)   /* disposed meanwhile */
    return;

  if (text != NULL)
    _jd_slides_view_show_toast (self, text);
  else
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Could Not Export the Slides"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  _jd_slides_view_notify_busy (self);
}

/* GObject */

static void
jd_slides_view_map (GtkWidget *widget)
{
  JdSlidesView *self = JD_SLIDES_VIEW (widget);

  GTK_WIDGET_CLASS (jd_slides_view_parent_class)->map (widget);

  if (self->stale || (self->deck == NULL && !self->loading))
    reload (self);
}

static void
jd_slides_view_dispose (GObject *object)
{
  JdSlidesView *self = (JdSlidesView *)object;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->fold_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_SLIDES_VIEW);

  G_OBJECT_CLASS (jd_slides_view_parent_class)->dispose (object);
}

static void
jd_slides_view_finalize (GObject *object)
{
  JdSlidesView *self = (JdSlidesView *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->build_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->build_task);
  g_clear_object (&self->save_task);
  g_clear_pointer (&self->deck, jd_deck_free);
  g_clear_pointer (&self->undo_deck, jd_deck_free);
  g_clear_pointer (&self->waiting_deck, jd_deck_free);
  set_pages (self, NULL);

  G_OBJECT_CLASS (jd_slides_view_parent_class)->finalize (object);
}

static void
jd_slides_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdSlidesView *self = JD_SLIDES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, jd_slides_view_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_slides_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  JdSlidesView *self = JD_SLIDES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      jd_slides_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_slides_view_class_init (JdSlidesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_slides_view_dispose;
  object_class->finalize = jd_slides_view_finalize;
  object_class->get_property = jd_slides_view_get_property;
  object_class->set_property = jd_slides_view_set_property;
  widget_class->map = jd_slides_view_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (JD_TYPE_REPORT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jiandu/Jiandu/jd-slides-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, state_stack);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, load_spinner);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, error_page);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, switcher);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, status_label);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, export_content);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, present_content);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, list_side);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, preview_side);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, list_box);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JdSlidesView, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_toggle_cb);

  jd_slides_actions_install (widget_class);
}

static void
jd_slides_view_init (JdSlidesView *self)
{
  self->focus_index = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  _jd_slides_view_update_actions (self);
}

GtkWidget *
jd_slides_view_new (JdSession *session)
{
  return g_object_new (JD_TYPE_SLIDES_VIEW, "session", session, NULL);
}

JdSession *
jd_slides_view_get_session (JdSlidesView *self)
{
  g_return_val_if_fail (JD_IS_SLIDES_VIEW (self), NULL);

  return self->session;
}

void
jd_slides_view_set_session (JdSlidesView *self,
                            JdSession    *session)
{
  g_return_if_fail (JD_IS_SLIDES_VIEW (self));
  g_return_if_fail (session == NULL || JD_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_changed_cb, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);

  g_clear_pointer (&self->deck, jd_deck_free);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* Returns: whether the deck is being read, saved, drawn or exported */
gboolean
jd_slides_view_get_busy (JdSlidesView *self)
{
  g_return_val_if_fail (JD_IS_SLIDES_VIEW (self), FALSE);

  return self->loading || self->save_task != NULL || self->build_task != NULL || self->exporting > 0;
}

/* Returns: (transfer none) (nullable): the deck the list shows */
const JdDeck *
jd_slides_view_get_deck (JdSlidesView *self)
{
  g_return_val_if_fail (JD_IS_SLIDES_VIEW (self), NULL);

  return self->deck;
}

/* Returns: (transfer none) (nullable): the deck as built for the preview */
JdDoc *
jd_slides_view_get_doc (JdSlidesView *self)
{
  g_return_val_if_fail (JD_IS_SLIDES_VIEW (self), NULL);

  return self->doc;
}

/* Returns: how many pages the preview shows */
guint
jd_slides_view_get_n_pages (JdSlidesView *self)
{
  g_return_val_if_fail (JD_IS_SLIDES_VIEW (self), 0);

  return jd_report_preview_get_n_pages (self->preview);
}

/* Returns: (transfer none): the list, a JdSlideRow a slide */
GtkListBox *
jd_slides_view_get_list (JdSlidesView *self)
{
  g_return_val_if_fail (JD_IS_SLIDES_VIEW (self), NULL);

  return self->list_box;
}

/* Reads the deck of the session's period again, and draws it. */
void
jd_slides_view_reload (JdSlidesView *self)
{
  g_return_if_fail (JD_IS_SLIDES_VIEW (self));

  reload (self);
}

/* Returns: whether there is a deck, and then its period in @period */
gboolean
jd_slides_view_get_period (JdSlidesView *self,
                           JdPeriod     *period)
{
  g_return_val_if_fail (JD_IS_SLIDES_VIEW (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (self->deck == NULL)
    return FALSE;

  *period = self->period;
  return TRUE;
}

/**
 * jd_slides_view_export_to:
 *
 * Writes the deck on show to @file, a 16:9 PDF, in a worker, with its
 * progress over the preview; a toast says when it is saved, a dialog why not.
 */
void
jd_slides_view_export_to (JdSlidesView *self,
                          GFile        *file)
{
  g_return_if_fail (JD_IS_SLIDES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->doc == NULL)
    return;

  if (self->exporting++ == 0)
    {
      g_clear_object (&self->export_cancellable);
      self->export_cancellable = g_cancellable_new ();
      g_atomic_int_set (&self->permille, 0);
    }
  jd_report_write_async (self, self->doc, file, JD_REPORT_FORMAT_PDF, &self->permille,
                         self->export_cancellable, on_exported_cb, g_object_ref (file));
  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (100, on_progress_tick_cb, self);
  _jd_slides_view_notify_busy (self);
}

/* Forgets what the analyst made of the period's deck: the default again. */
void
jd_slides_view_reset (JdSlidesView *self)
{
  g_return_if_fail (JD_IS_SLIDES_VIEW (self));
  g_return_if_fail (self->deck != NULL);

  g_clear_pointer (&self->deck, jd_deck_free);
  g_clear_pointer (&self->undo_deck, jd_deck_free);
  self->deck = jd_deck_new_default (&self->period);
  _jd_slides_view_rebuild_list (self);
  _jd_slides_view_start_save (self, &self->period, NULL);
  build (self);
  _jd_slides_view_update_actions (self);
}
