#!/usr/bin/env python3
# report-pandas.py — the quarterly report's figures, charts and tables with pandas + matplotlib
#
# SPDX-FileCopyrightText: 2026 The Jiandu developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What an analyst would otherwise do: read the same SQLite database with
# pandas, work out the figures of a quarter (with 同比 and 环比), draw the
# charts the report shows and the per-agency table, and write them to a
# PDF with matplotlib.  It reads the raw tables, not Jiandu's rollups, as
# an analyst with only the records would.  The database is opened read
# only.  Used to compare with `jiandu-cli bench-report`:
#
#   build-aux/report-pandas.py --db city.db --period 2026Q3 --out pandas.pdf
#
# It prints the time each step took and the headline figures, so the two
# can be checked against `jiandu-cli metrics --period 2026Q3 --json`.

import argparse
import sqlite3
import sys
import time

import matplotlib

matplotlib.use("pdf")
# Agency and domain names are Chinese: Noto Sans CJK, which matplotlib
# names after the first face of its collection
matplotlib.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "Noto Sans CJK JP", "DejaVu Sans"]

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

LOST = ("revoked", "modified", "illegal", "void", "ordered", "compensation")
CORRECTED = ("revoked", "modified", "illegal", "void", "ordered")
LENIENCY_KINDS = ("no_penalty", "first_offense", "lighter", "mitigated")


def quarter_months(text):
    """2026Q3 → (202607, 202609)"""
    year, q = int(text[:4]), int(text[5])
    first = year * 100 + (q - 1) * 3 + 1
    return first, first + 2


def add_months(month, n):
    linear = (month // 100) * 12 + month % 100 - 1 + n
    return (linear // 12) * 100 + linear % 12 + 1


def day_range(first, last):
    """ISO dates from the first day of @first to the last of @last (exclusive end)"""
    after = add_months(last, 1)
    return (f"{first // 100:04d}-{first % 100:02d}-01", f"{after // 100:04d}-{after % 100:02d}-01")


def read(db, sql, params=()):
    return pd.read_sql_query(sql, db, params=params)


def month_of(dates):
    return pd.to_numeric(dates.str.slice(0, 4) + dates.str.slice(5, 7), errors="coerce")


def figures(cases, complaints, lawsuits, reconsiderations, reviews, first, last):
    """The headline figures of months first..last, from frames that hold at least those months"""
    c = cases[(cases.decided_month >= first) & (cases.decided_month <= last)]
    o = cases[(cases.opened_month >= first) & (cases.opened_month <= last)]
    k = complaints[(complaints.received_month >= first) & (complaints.received_month <= last)]
    l = lawsuits[(lawsuits.concluded_month >= first) & (lawsuits.concluded_month <= last)
                 & (lawsuits.instance == "first") & (lawsuits.outcome != "pending")]
    r = reconsiderations[(reconsiderations.decided_month >= first) & (reconsiderations.decided_month <= last)
                         & (reconsiderations.outcome != "pending")]
    v = reviews[(reviews.reviewed_month >= first) & (reviews.reviewed_month <= last)]
    lenient = c[c.leniency != "none"]
    rate = lambda n, d: n / d if d else float("nan")  # noqa: E731
    hearings = l[l.hearing_held == 1]
    return {
        "decided": len(c),
        "opened": len(o),
        "fines_fen": int(c.fine_fen.sum()),
        "received": len(k),
        "closing_rate": rate(k.closed_on.notna().sum(), len(k)),
        "loss_rate": rate(l.outcome.isin(LOST).sum(), len(l)),
        "withdrawal_rate": rate((l.outcome == "withdrawn").sum(), len(l)),
        "head_appearance_rate": rate((hearings.head_appeared == 1).sum(), len(hearings)),
        "correction_rate": rate(r.outcome.isin(CORRECTED).sum(), len(r)),
        "leniency_cases": len(lenient),
        "exempted_fen": int(lenient.exempted_fen.sum()),
        "reviewed": len(v),
        "pass_rate": rate((v.grade != "fail").sum(), len(v)),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--period", required=True, help="a quarter, e.g. 2026Q3")
    parser.add_argument("--out", required=True, help="the PDF to write")
    args = parser.parse_args()

    times = {}
    start = time.monotonic()
    first, last = quarter_months(args.period)
    # 24 months up to the quarter: the trends, and the year before for 同比
    since = add_months(last, -23)
    lo, hi = day_range(since, last)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)

    agencies = read(db, "SELECT id AS agency_id, name AS agency FROM agencies")
    domains = read(db, "SELECT id AS domain_id, name AS domain FROM domains")
    cases = read(db, "SELECT agency_id, domain_id, kind, opened_on, decided_on, fine_fen, leniency, exempted_fen"
                     " FROM cases WHERE (decided_on >= ? AND decided_on < ?) OR (opened_on >= ? AND opened_on < ?)",
                 (lo, hi, lo, hi))
    complaints = read(db, "SELECT agency_id, channel, received_on, closed_on FROM complaints"
                          " WHERE received_on >= ? AND received_on < ?", (lo, hi))
    lawsuits = read(db, "SELECT agency_id, instance, concluded_on, outcome, hearing_held, head_appeared FROM lawsuits"
                        " WHERE concluded_on >= ? AND concluded_on < ?", (lo, hi))
    reconsiderations = read(db, "SELECT agency_id, decided_on, outcome FROM reconsiderations"
                                " WHERE decided_on >= ? AND decided_on < ?", (lo, hi))
    reviews = read(db, "SELECT agency_id, reviewed_on, grade FROM reviews WHERE reviewed_on >= ? AND reviewed_on < ?",
                   (lo, hi))
    times["read"] = time.monotonic() - start

    step = time.monotonic()
    cases["decided_month"] = month_of(cases.decided_on)
    cases["opened_month"] = month_of(cases.opened_on)
    complaints["received_month"] = month_of(complaints.received_on)
    lawsuits["concluded_month"] = month_of(lawsuits.concluded_on)
    reconsiderations["decided_month"] = month_of(reconsiderations.decided_on)
    reviews["reviewed_month"] = month_of(reviews.reviewed_on)
    frames = (cases, complaints, lawsuits, reconsiderations, reviews)
    now = figures(*frames, first, last)
    previous = figures(*frames, add_months(first, -3), add_months(last, -3))
    year_earlier = figures(*frames, add_months(first, -12), add_months(last, -12))

    # per agency, the quarter
    q = cases[(cases.decided_month >= first) & (cases.decided_month <= last)]
    table = q.groupby("agency_id").agg(decided=("kind", "size"), fines_fen=("fine_fen", "sum"))
    table["leniency_cases"] = q[q.leniency != "none"].groupby("agency_id").size()
    k = complaints[(complaints.received_month >= first) & (complaints.received_month <= last)]
    table["complaints"] = k.groupby("agency_id").size()
    table["closing_rate"] = k.closed_on.notna().groupby(k.agency_id).mean()
    l = lawsuits[(lawsuits.concluded_month >= first) & (lawsuits.concluded_month <= last)
                 & (lawsuits.instance == "first") & (lawsuits.outcome != "pending")]
    table["loss_rate"] = l.outcome.isin(LOST).groupby(l.agency_id).mean()
    v = reviews[(reviews.reviewed_month >= first) & (reviews.reviewed_month <= last)]
    table["pass_rate"] = (v.grade != "fail").groupby(v.agency_id).mean()
    table = agencies.merge(table, left_on="agency_id", right_index=True, how="left").fillna(
        {"decided": 0, "fines_fen": 0, "leniency_cases": 0, "complaints": 0})
    table = table.sort_values("decided", ascending=False)

    # the series the charts draw
    quarters = cases.assign(q=(cases.decided_month // 100) * 10 + ((cases.decided_month % 100) - 1) // 3 + 1)
    by_quarter = quarters.groupby("q").size().tail(8)
    by_domain = q.merge(domains, on="domain_id").groupby("domain").size().sort_values()
    by_channel = k.groupby("channel").size()
    monthly_closing = complaints.closed_on.notna().groupby(complaints.received_month).mean()
    fi = lawsuits[(lawsuits.instance == "first") & (lawsuits.outcome != "pending")]
    monthly_loss = fi.outcome.isin(LOST).groupby(fi.concluded_month).mean()
    monthly_concluded = fi.groupby("concluded_month").size()
    rd = reconsiderations[reconsiderations.outcome != "pending"]
    monthly_correction = rd.outcome.isin(CORRECTED).groupby(rd.decided_month).mean().tail(12)
    lenient_now = q[q.leniency != "none"].groupby("leniency").size().reindex(LENIENCY_KINDS, fill_value=0)
    qy = cases[(cases.decided_month >= add_months(first, -12)) & (cases.decided_month <= add_months(last, -12))]
    lenient_before = qy[qy.leniency != "none"].groupby("leniency").size().reindex(LENIENCY_KINDS, fill_value=0)
    grades = v.groupby("grade").size()
    times["compute"] = time.monotonic() - step

    step = time.monotonic()
    with PdfPages(args.out) as pdf:
        fig, ax = plt.subplots(figsize=(8.27, 11.69))
        ax.axis("off")
        lines = [f"Quarterly report {args.period}"] + [
            f"{key}: {value}  (YoY {year_earlier[key]}, PoP {previous[key]})" for key, value in now.items()]
        ax.text(0, 1, "\n".join(lines), va="top", family="monospace", fontsize=8)
        pdf.savefig(fig)
        plt.close(fig)

        charts = [
            ("Cases decided per quarter", lambda ax: by_quarter.plot.bar(ax=ax)),
            ("Cases decided by domain", lambda ax: by_domain.plot.barh(ax=ax)),
            ("Complaints by channel", lambda ax: by_channel.plot.pie(ax=ax)),
            ("Complaint closing rate per month", lambda ax: monthly_closing.plot(ax=ax)),
            ("First-instance lawsuits and loss rate", lambda ax: (monthly_concluded.plot.bar(ax=ax),
                                                                  monthly_loss.plot(ax=ax.twinx(), color="red"),
                                                                  ax.axhline(0.15))),
            ("Reconsideration correction rate", lambda ax: monthly_correction.plot(ax=ax)),
            ("Leniency cases by kind", lambda ax: pd.DataFrame({"now": lenient_now, "year earlier": lenient_before})
             .plot.bar(ax=ax)),
            ("Case files by grade", lambda ax: grades.plot.pie(ax=ax)),
        ]
        for title, draw in charts:
            fig, ax = plt.subplots(figsize=(8.27, 4.5))
            draw(ax)
            ax.set_title(title)
            pdf.savefig(fig)
            plt.close(fig)

        rows_per_page = 40
        for start_row in range(0, len(table), rows_per_page):
            page = table.iloc[start_row:start_row + rows_per_page].drop(columns=["agency_id"])
            fig, ax = plt.subplots(figsize=(11.69, 8.27))
            ax.axis("off")
            ax.table(cellText=page.round(3).astype(str).values, colLabels=list(page.columns), loc="upper center",
                     fontsize=6)
            pdf.savefig(fig)
            plt.close(fig)
    times["charts and PDF"] = time.monotonic() - step
    times["total"] = time.monotonic() - start

    for key, value in times.items():
        print(f"{key:16s} {value * 1000:10.1f} ms")
    print(f"decided {now['decided']}  received {now['received']}  loss rate {now['loss_rate']:.4f}  "
          f"correction rate {now['correction_rate']:.4f}  leniency {now['leniency_cases']}  "
          f"pass rate {now['pass_rate']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
