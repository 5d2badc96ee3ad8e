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

/**
 * Password rule for members of the public (申请人账户): at least 8 characters mixing
 * letters and digits. Lighter than staff's rule, since a citizen's account reaches only
 * their own requests, and lockout limits guessing.
 */
export function isAcceptableApplicantPassword(password: string): boolean {
  return password.length >= 8 && password.length <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
