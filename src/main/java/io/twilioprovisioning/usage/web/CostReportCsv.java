package io.twilioprovisioning.usage.web;

import io.twilioprovisioning.platform.CsvCells;
import io.twilioprovisioning.usage.CostReport;

/**
 * The cost report as CSV for invoicing: one row per number per client, cells neutralised
 * against formulas like every export ({@link CsvCells}).
 */
final class CostReportCsv {

	static final String HEADER = "month,client_id,client_name,phone_number,country,type,monthly_price,currency,"
			+ "first_day,last_day,days,days_in_month,cost";

	private CostReportCsv() {
	}

	static String of(CostReport report) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (CostReport.ClientCost client : report.clients()) {
			for (CostReport.Line line : client.lines()) {
				csv.append(String.join(",", CsvCells.cell(report.month().toString()), String.valueOf(client.clientId()),
						CsvCells.cell(client.clientName()), CsvCells.cell(line.phoneNumber()),
						CsvCells.cell(line.country()), CsvCells.cell(line.type()),
						(line.monthlyPrice() != null) ? line.monthlyPrice().toPlainString() : "",
						CsvCells.cell(line.currency()), line.firstDay().toString(), line.lastDay().toString(),
						String.valueOf(line.days()), String.valueOf(report.daysInMonth()),
						(line.cost() != null) ? line.cost().toPlainString() : ""))
					.append("\r\n");
			}
		}
		return csv.toString();
	}

	static String fileName(CostReport report) {
		return "costs-" + report.month() + ".csv";
	}

}
