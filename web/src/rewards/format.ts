/** An amount of đồng as Vietnamese (2.500.000 ₫) or English (₫2,500,000) readers write it. */
export const formatVnd = (amount: number, language: 'vi' | 'en') =>
  new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
