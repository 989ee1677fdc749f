package budget

import "slices"

// IsGeneral reports whether s is 一般公共预算 money (财政拨款 or 其他资金).
func (s Source) IsGeneral() bool { return s == SourceGeneralAppropriation || s == SourceGeneralOther }

// IsFiscal reports whether s is 财政拨款 in the wide sense of tables 四 and
// 十: 一般公共预算, 政府性基金预算 or 国有资本经营预算.
func (s Source) IsFiscal() bool {
	return s.IsGeneral() || s == SourceGovernmentFund || s == SourceStateCapital
}

// IsUnitFunds reports whether s is 单位资金: 事业收入, 事业单位经营收入,
// 上级补助收入, 附属单位上缴收入 or 其他收入.
func (s Source) IsUnitFunds() bool {
	switch s {
	case SourceBusinessIncome, SourceOperatingIncome, SourceSuperiorSubsidy, SourceAffiliatedRemittance, SourceOtherIncome:
		return true
	}
	return false
}

// Known reports whether s is one of Sources.
func (s Source) Known() bool { return slices.Contains(Sources, s) }
