export const exam = {
  en: {},
  ja: {},
};
