package cost

// Price returns the price of one case of an administrative activity in the
// Standard Cost Model: hours × tariff (the value of an hour) + cash outlays.
func Price(hours, tariff, cash Amount) Amount { return hours.Mul(tariff).Add(cash) }

// Annual returns price × population × frequency per year: the Standard
// Cost Model's annual cost of an obligation.
func Annual(price Amount, population, frequency Amount) Amount {
	return price.Mul(population).Mul(frequency)
}

// Cut returns the saving before − after and the cut as a percentage of
// before ((before − after) / before × 100; 0 when before is 0). A rise
// gives a negative saving and percentage.
func Cut(before, after Amount) (saving, percent Amount) {
	saving = before.Sub(after)
	return saving, saving.Percent(before)
}
