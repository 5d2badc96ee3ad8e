/**
 * Password strength for staff accounts (等保 2.0 三级 expects complexity rules):
 * at least 10 characters, from at least three of: upper case, lower case, digits, symbols;
 * not containing the user name.
 */
export function isStrongPassword(password: string, username = ''): boolean {
  if (password.length < 10 || password.length > 128) return false;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return false;
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}
