import { describe, expect, it } from 'vitest';
import { classifyInbound } from './classify-inbound.js';

const mail = (headers: Record<string, string>, subject = 'Where is my parcel', fromAddress = 'maria@example.net') => ({
  headers: new Map(Object.entries(headers)), subject, fromAddress,
});

describe('auto-replies and bounces are not customer messages', () => {
  it('Auto-Submitted other than "no", X-Autoreply and Precedence bulk/auto_reply mark auto-replies (RFC 3834)', () => {
    expect(classifyInbound(mail({ 'auto-submitted': 'auto-replied' })).kind).toBe('auto_reply');
    expect(classifyInbound(mail({ 'auto-submitted': 'no' })).kind).toBe('customer');
    expect(classifyInbound(mail({ 'x-autoreply': 'yes' })).kind).toBe('auto_reply');
    expect(classifyInbound(mail({ precedence: 'bulk' })).kind).toBe('auto_reply');
    expect(classifyInbound(mail({ precedence: 'auto_reply' })).kind).toBe('auto_reply');
  });

  it('out-of-office subjects are auto-replies even without headers, in several languages', () => {
    for (const subject of ['Out of Office: Re: parcel', 'Automatic reply: Your order', 'Abwesenheitsnotiz: Ihre Bestellung', 'Réponse automatique : commande']) {
      expect(classifyInbound(mail({}, subject)).kind).toBe('auto_reply');
    }
    expect(classifyInbound(mail({}, 'I was out of the country, where is my order?')).kind).toBe('customer');
  });

  it('DSN reports and MAILER-DAEMON senders are bounces (RFC 3464)', () => {
    expect(classifyInbound(mail({ 'content-type': 'multipart/report; report-type=delivery-status; boundary="x"' })).kind).toBe('bounce');
    expect(classifyInbound(mail({}, 'Undelivered Mail Returned to Sender', 'MAILER-DAEMON@mx.example.org')).kind).toBe('bounce');
    expect(classifyInbound(mail({ 'content-type': 'multipart/report; report-type=disposition-notification' })).kind).toBe('customer');
  });
});
